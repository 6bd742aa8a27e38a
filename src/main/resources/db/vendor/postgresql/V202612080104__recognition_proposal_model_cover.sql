-- The proposals of a subtree's models in a year, from the index alone (the statistics' counts and drill-downs). The
-- index was created with the model module's covering index (migration model_covering_index); it is the recognition
-- module's, kept here from now on: on a database that has it (all of them) this changes nothing.
create index if not exists ix_recognition_proposal_model_year on recognition_proposal (model_id, proposal_year)
    include (level, status);
