-- A summary's page reads its entities' outcomes by entity (ScoreReads.resultsOf, "entity_ref in
-- (...)"): H2 looks up an IN list only on an index's leading column, and the primary key leads
-- with the scorecard. This index leads with the entity and holds the outcome, so the page's
-- outcomes are 100 lookups rather than a scan of the scorecard's results (bench/README.md).
create index scorecard_results_by_entity on scorecard_results (entity_ref, scorecard_id, rule_id, result);
