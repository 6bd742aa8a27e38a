create function unit_tree_version_bump() returns trigger language plpgsql as $$
begin
    update unit_tree_version set version = nextval('unit_tree_version_seq') where id = 1;
    return null;
end
$$;
create trigger trg_unit_unit_tree_version after insert or update or delete or truncate on unit_unit
    for each statement execute function unit_tree_version_bump();
