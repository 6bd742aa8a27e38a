-- The model list filtered by year and status within a subtree: one probe per unit of the subtree.
create index ix_model_model_unit_year on model_model (unit_id, reg_year, status);
