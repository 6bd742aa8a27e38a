-- The version of which models a count of the country's list can find (migration model_match_version), row by row:
-- the same tests as PostgreSQL's triggers (vn.dvk.model.MatchVersionTrigger).
create trigger trg_model_model_match_version after insert, update, delete on model_model
    for each row call "vn.dvk.model.MatchVersionTrigger";
