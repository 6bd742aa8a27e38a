-- The version of which models a count of the country's list can find (migration model_match_version): once per
-- statement that adds or removes models, once per model whose change can move it in or out of a count (the search
-- vector holds the title, holder, summary and area). The embedded database does the same row by row
-- (vn.dvk.model.MatchVersionTrigger).
create function model_match_version_bump() returns trigger language plpgsql as $$
begin
    update model_match_version set version = nextval('model_match_version_seq'), changed_at = now() where id = 1;
    return null;
end
$$;

create trigger trg_model_model_match_version_i after insert on model_model
    for each statement execute function model_match_version_bump();
create trigger trg_model_model_match_version_d after delete on model_model
    for each statement execute function model_match_version_bump();
create trigger trg_model_model_match_version_u after update on model_model for each row
    when (old.search_vector is distinct from new.search_vector
          or (old.status = 'DRAFT') <> (new.status = 'DRAFT')
          or old.field <> new.field or old.level <> new.level or old.reg_year <> new.reg_year
          or old.unit_id <> new.unit_id)
    execute function model_match_version_bump();
