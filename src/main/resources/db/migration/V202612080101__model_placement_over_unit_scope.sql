-- The model module's published view (docs/ARCHITECTURE.md, "Published view"), now over the unit module's published
-- view instead of its table: the same columns, in the same order.
create or replace view model_placement as
select m.id as model_id, u.path as unit_path, m.field, m.level, m.reg_year, m.recognized_level, m.status
from model_model m
join unit_scope u on u.id = m.unit_id;
