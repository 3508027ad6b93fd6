-- Who may see an access request: its requester, the members of its approver groups (frozen in the
-- request when it was made), the platform team and the auditors. The approver groups get rows of
-- their own so that GET /access-requests filters in SQL, before its limit. V6_1 fills them in for
-- the requests made before. Written for both H2 and PostgreSQL.

create table access_request_groups (
    request_id varchar(64)  not null references access_requests (id) on delete cascade,
    group_name varchar(200) not null,
    primary key (request_id, group_name)
);

create index access_request_groups_group on access_request_groups (group_name, request_id);
