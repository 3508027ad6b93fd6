-- Paved's own records. Written for both H2 (local mode) and PostgreSQL.

create table runs (
    id               varchar(64)  primary key,
    template         varchar(200) not null,
    template_version varchar(100) not null,
    service_key      varchar(300) not null,
    workflow_id      varchar(400) not null,
    temporal_run_id  varchar(100),
    status           varchar(32)  not null,
    requested_by     varchar(200) not null,
    idempotency_key  varchar(200),
    request_hash     varchar(100) not null,
    parameters       text         not null,
    plan             text         not null,
    progress         text,
    error            text,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

create unique index runs_idempotency_key on runs (idempotency_key);
create index runs_status_created on runs (status, created_at);

-- One row per service name while a run creates it or once it exists: two runs can never
-- create the same service at once. Released when its run rolls back.
create table service_claims (
    service_name varchar(100) primary key,
    service_key  varchar(300) not null,
    run_id       varchar(64)  not null,
    created_at   timestamp with time zone not null
);

create table catalog_entities (
    kind        varchar(100) not null,
    namespace   varchar(100) not null,
    name        varchar(200) not null,
    owner       varchar(200),
    entity      text         not null,
    service_key varchar(300) not null,
    run_id      varchar(64)  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    primary key (kind, namespace, name)
);

create index catalog_entities_owner on catalog_entities (owner);
