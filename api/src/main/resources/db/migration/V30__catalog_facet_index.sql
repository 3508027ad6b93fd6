-- Facets count entities per value as written (original_value) of one search key: this index holds
-- all three columns, so counting reads the index alone, already grouped (bench/README.md).
-- H2 and PostgreSQL.

create index catalog_search_key_original on catalog_search (search_key, original_value, entity_ref);
