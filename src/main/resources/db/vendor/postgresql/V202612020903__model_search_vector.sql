-- Full-text search over the folded words (vn.dvk.model.ModelRegistry): the title and holder weigh A, the summary B,
-- so that a search can ask for matches in the title first ('word':A). The 'simple' configuration keeps every word as
-- it is (no stemming, no stop words: the words are Vietnamese, already without accents).
--
-- The model's area (the province whose subtree holds its unit, see vn.dvk.shared.DataVersions) is a lexeme of the
-- same vector, '@<id>', which no folded word can be: a province's search asks the one GIN index for '@<id>' and the
-- words together, and reads only the province's matches (a word common in the country otherwise made the search read
-- every match of the country and then keep the province's: 70–120 ms instead of a few). The area is kept by
-- triggers: on a model's insert or change of unit, and on a unit's change of path (a reorganization moving it).

create function dvk_area_of(path text) returns bigint language sql immutable as $$
    select coalesce(nullif(split_part(path, '/', 3), ''), nullif(split_part(path, '/', 2), ''))::bigint
$$;

alter table model_model add column area_id bigint;
update model_model m set area_id = dvk_area_of(u.path) from unit_unit u where u.id = m.unit_id;

create function model_model_area() returns trigger language plpgsql as $$
begin
    select dvk_area_of(u.path) into new.area_id from unit_unit u where u.id = new.unit_id;
    return new;
end $$;
create trigger trg_model_model_area before insert or update of unit_id on model_model
    for each row execute function model_model_area();

create function unit_unit_model_area() returns trigger language plpgsql as $$
begin
    update model_model set area_id = dvk_area_of(new.path)
     where unit_id = new.id and area_id is distinct from dvk_area_of(new.path);
    return null;
end $$;
create trigger trg_unit_unit_model_area after update of path on unit_unit
    for each row when (old.path is distinct from new.path) execute function unit_unit_model_area();

alter table model_model add column search_vector tsvector generated always as (
    setweight(to_tsvector('simple', search_text), 'A')
    || setweight(to_tsvector('simple', coalesce(search_body, '')), 'B')
    || array_to_tsvector(array['@' || coalesce(area_id, 0)])
) stored;
create index ix_model_model_search on model_model using gin (search_vector);
