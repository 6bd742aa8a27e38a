-- Published by the commendation module for the other modules' SQL (docs/ARCHITECTURE.md, "Published view"): each
-- commendation's form, recipient, the unit it honours and the unit that issued it, and its decision, without the
-- reason and who typed it. One table, no join.
create view commendation_record as
select id, form, recipient_type, recipient_name, unit_id, issuer_unit_id, decision_number, decision_date, created_at
from commendation_commendation;
