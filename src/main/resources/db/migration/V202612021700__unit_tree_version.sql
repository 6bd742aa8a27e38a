-- The version of the unit tree, for the units cached by every node (UnitCache): a trigger on unit_unit gives it a
-- new value from the sequence at each statement that changes units. A value is never given twice, not even by a
-- transaction that rolls back, so a unit cached under one version is exactly the committed state of that version.
create sequence unit_tree_version_seq;
create table unit_tree_version (
    id      integer primary key,
    version bigint  not null
);
insert into unit_tree_version (id, version) values (1, 0);
