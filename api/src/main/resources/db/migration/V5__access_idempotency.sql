-- POST /access-requests takes an Idempotency-Key, as POST /runs does. A key belongs to the user who
-- sent it: the same key from another user is another request. request_hash tells a retry (the same
-- body) from a reuse of the key for a different request. Written for both H2 and PostgreSQL.

alter table access_requests add column idempotency_key varchar(200);
alter table access_requests add column request_hash varchar(64);

create unique index access_requests_idempotency_key on access_requests (requested_by, idempotency_key);
