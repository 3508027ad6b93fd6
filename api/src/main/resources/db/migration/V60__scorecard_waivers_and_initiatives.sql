-- Waivers of scorecard rules (docs/scorecards.md, Waivers): one row per waiver, kept current by its
-- workflow; evaluation reads the APPROVED rows whose expiry is still ahead. Initiatives and their
-- daily progress (docs/scorecards.md, Initiatives). Written for both H2 and PostgreSQL.

create table scorecard_waivers (
    id               varchar(40)   primary key,
    scorecard_id     varchar(200)  not null,
    rule_id          varchar(200)  not null,
    entity_ref       varchar(400)  not null,
    owner_group      varchar(200)  not null,
    reason           varchar(1000) not null,
    expires_at       timestamp with time zone not null,
    requested_by     varchar(200)  not null,
    requested_at     timestamp with time zone not null,
    approvers        varchar(1000) not null,
    status           varchar(16)   not null,
    decided_by       varchar(200),
    decided_at       timestamp with time zone,
    decision_comment varchar(1000),
    updated_at       timestamp with time zone not null
);

create index scorecard_waivers_rule on scorecard_waivers (scorecard_id, rule_id, entity_ref, status);
create index scorecard_waivers_status on scorecard_waivers (status, requested_at);

create table scorecard_initiatives (
    id                   varchar(40)   primary key,
    scorecard_id         varchar(200)  not null,
    title                varchar(200)  not null,
    target_level         varchar(100),
    target_rules         varchar(2000),
    entity_filter        varchar(2000) not null,
    deadline             timestamp with time zone not null,
    created_by           varchar(200)  not null,
    created_at           timestamp with time zone not null,
    reminded_at          timestamp with time zone,
    deadline_notified_at timestamp with time zone
);

create index scorecard_initiatives_scorecard on scorecard_initiatives (scorecard_id, created_at);

create table scorecard_initiative_progress (
    initiative_id varchar(40) not null,
    progress_day  date        not null,
    meeting       integer     not null,
    total         integer     not null,
    primary key (initiative_id, progress_day)
);
