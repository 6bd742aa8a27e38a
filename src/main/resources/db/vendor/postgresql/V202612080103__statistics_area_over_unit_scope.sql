-- The area of a unit for the deltas' triggers, read through the unit module's published view (unit_scope) instead of
-- its table: the second id of its materialized path (/root/area/…/), or the first for the root itself.
create or replace function statistics_area(unit bigint) returns bigint language sql stable as $$
    select coalesce(nullif(split_part(u.path, '/', 3), ''), split_part(u.path, '/', 2))::bigint
    from unit_scope u where u.id = unit
$$;
