-- Published by the unit module for the other modules' SQL (docs/ARCHITECTURE.md, "Published view"): every unit, live
-- or dissolved, with its place in the tree. A subtree is `path like :prefix` (a unit's path is its ancestors' ids, root
-- first, each between slashes: '/1/12/345/'); `parent_id` is the unit a row of a drill-down rolls up to. Readers name
-- this view, never unit_unit: the unit module may change its table as long as the view answers the same columns.
create view unit_scope as
select id, code, name, level, kind, parent_id, path, valid_from, valid_to
from unit_unit;
