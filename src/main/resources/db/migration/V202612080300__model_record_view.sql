-- Published by the model module for the other modules' SQL (docs/ARCHITECTURE.md, "Published view"): each model's
-- registration and where it stands in its life (status, appraisal outcome, when it was created and submitted, the
-- level it was recognized at, the year it was retired), without its dossier and search columns. One table, no join:
-- a query through it is planned as one over model_model (PostgreSQL inlines the view and reads its indexes).
create view model_record as
select id, unit_id, title, field, level, reg_year, holder_type, holder_name, origin, replicated_from_id, status,
       appraisal_outcome, submitted_at, recognized_level, retired_year, created_by, created_at, updated_at
from model_model;
