-- A model's area from its unit's path, read through the unit module's published view (unit_scope) instead of its table.
create or replace function model_model_area() returns trigger language plpgsql as $$
begin
    select dvk_area_of(u.path) into new.area_id from unit_scope u where u.id = new.unit_id;
    return new;
end $$;
