-- The version of which models a count of the whole country's list can find (vn.dvk.model.ModelRegistry): a trigger
-- (vendor migration model_match_version_triggers) gives it a new value from the sequence when a model is added or
-- removed, or a change moves it in or out of such a count: into or out of the drafts, another title, holder or summary
-- (the search's words), field, level, registration year or unit. A transition between the other statuses (appraised,
-- proposed, recognized…) leaves it as it is, so that the country's counts of a search stay cached through the writes
-- of the deadline. A value is never given twice, not even to a change rolled back.
create sequence model_match_version_seq;
create table model_match_version (
    id         integer     primary key,
    version    bigint      not null,
    changed_at timestamp with time zone not null
);
insert into model_match_version (id, version, changed_at) values (1, 0, current_timestamp);
