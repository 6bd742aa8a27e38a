create trigger trg_unit_unit_tree_version after insert, update, delete on unit_unit
    for each row call "vn.dvk.unit.TreeVersionTrigger";
