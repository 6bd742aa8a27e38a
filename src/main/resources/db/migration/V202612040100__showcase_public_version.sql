-- The version of what the public library shows (vn.dvk.showcase), so that its cached pages miss only after a change
-- the public can see: a trigger (vendor migration showcase_public_version_triggers) gives it a new value from the
-- sequence at each statement that changes a public model (recognized, not retired; before or after the change), a
-- recognized proposal, a citizen's rating, a public photo, the progress of a public model or the indicators. A value is
-- never given twice, not even to a change rolled back. The units' names the pages show are versioned by
-- unit_tree_version, which the reader adds.
create sequence showcase_public_version_seq;
create table showcase_public_version (
    id         integer     primary key,
    version    bigint      not null,
    changed_at timestamp with time zone not null
);
insert into showcase_public_version (id, version, changed_at) values (1, 0, current_timestamp);
