-- The commit id (local git) or ETag (GitHub) a location's file was last read at without errors:
-- while the source answers that nothing changed, the file is neither read nor parsed again.
alter table catalog_locations add column read_version varchar(200);
