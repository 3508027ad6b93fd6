-- Local mode: the embedded Temporal server forgets every workflow when Paved stops. On the next
-- start Paved starts each run it still shows in flight again from its recorded inputs; these
-- columns say how often that happened to a run, and when last.

alter table runs add column recoveries integer default 0 not null;
alter table runs add column recovered_at timestamp with time zone;
