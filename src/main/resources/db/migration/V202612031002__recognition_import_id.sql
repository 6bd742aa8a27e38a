-- The import that recorded a past recognition (a proposal decided before the province moved into DVK), if any.
alter table recognition_proposal add column import_id bigint;
