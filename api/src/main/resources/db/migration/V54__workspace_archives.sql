-- Workspaces and template snapshots where every worker reaches them (PAVED_WORKSPACES_STORE=
-- database; docs/architecture.md, "Workspaces"). A run's workspace is one archive whose version
-- counts the steps that changed it; a writer stores only over the version it read. The row goes
-- when the run ends. Template snapshots are kept by content hash, as under <data>/template-versions.
create table workspace_archives (
  run_id varchar(128) primary key,
  version bigint not null,
  archive bytea not null,
  size_bytes bigint not null,
  updated_at timestamp with time zone not null
);

create table template_archives (
  hash varchar(128) primary key,
  archive bytea not null,
  size_bytes bigint not null,
  created_at timestamp with time zone not null
);
