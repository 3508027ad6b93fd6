-- One row per greeting: the first table of ${{ values.name }}; replace it with the real schema.
create table visits (
  id bigint generated always as identity primary key,
  name varchar(100) not null,
  visited_at timestamp with time zone not null default current_timestamp
);

create index visits_name on visits (name);
