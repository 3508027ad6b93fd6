-- A counter per scorecard, bumped by every write of its results: summaries keep their counts until
-- it moves, on every API instance.
create table scorecard_versions (
    scorecard_id varchar(100) primary key,
    version      bigint       not null
);
