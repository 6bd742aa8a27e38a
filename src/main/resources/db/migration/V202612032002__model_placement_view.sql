-- Published by the model module for other modules' read-side SQL (vn.dvk.showcase: citizens' ratings per statistics
-- scope): where each model sits in the unit tree now, and the attributes a statistics query filters on. Readers name
-- this view, never model_model or unit_unit.
create view model_placement as
select m.id as model_id, u.path as unit_path, m.field, m.level, m.reg_year, m.recognized_level, m.status
from model_model m
join unit_unit u on u.id = m.unit_id;
