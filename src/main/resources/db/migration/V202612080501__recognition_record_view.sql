-- Published by the recognition module for the other modules' SQL (docs/ARCHITECTURE.md, "Published view"): each
-- proposal for recognition, its model, level and year, where it stands (status) and its decision (number, date,
-- when), without the note and the comments. One table, no join: PostgreSQL inlines the view and reads the indexes of
-- recognition_proposal.
create view recognition_record as
select id, model_id, level, proposal_year, status, proposed_at, decision_number, decision_date, decided_at
from recognition_proposal;
