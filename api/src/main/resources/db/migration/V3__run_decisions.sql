-- Operators' decisions on failed runs. Written for both H2 (local mode) and PostgreSQL.

-- The run a re-run repeats (POST /runs/{id}/rerun), shown as rerunOf.
alter table runs add column rerun_of varchar(64);

-- The template's form (one JSON Schema) as the run started with it: a retry's corrected
-- parameters are checked against it, and a re-run inherits it with the frozen plan.
alter table runs add column parameter_schema text;

create index runs_rerun_of on runs (rerun_of);
