-- The catalog's generation: one number, raised in the same transaction as every committed write to
-- the catalog's entities, relations or search rows. Counts and facets are kept in memory per
-- (question, generation), so they stay exact and a read after the last write is one lookup
-- (docs/catalog.md, bench/README.md). H2 and PostgreSQL.
create table catalog_generation (
    id         integer primary key,
    generation bigint  not null
);

insert into catalog_generation (id, generation) values (1, 0);
