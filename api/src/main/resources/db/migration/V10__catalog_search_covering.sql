-- The catalog's search rows, indexed so that its queries read the index alone (docs/catalog.md,
-- bench/README.md): filters find entities by (key, value) and order by an entity's value of a key.
-- They replace the two narrower indexes of V8, which are their prefixes. H2 and PostgreSQL.

create index catalog_search_key_value_ref on catalog_search (search_key, search_value, entity_ref);
create index catalog_search_ref_key_value on catalog_search (entity_ref, search_key, search_value);
drop index catalog_search_key_value;
drop index catalog_search_entity;
