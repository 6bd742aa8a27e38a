-- A province's list and search read its models by their area (vn.dvk.model.ModelRegistry#subtree): the area, kept on
-- each model by the triggers of V202612020903, instead of a join with the province's units by path (a province has
-- 500–1,400 units: as many index visits per page). With the list's columns in the index, a province's models of one
-- year and status come from the index alone, and so do the public library's models of a province (recognized, not
-- retired): the rows are wide, so each model read from the table was a page of its own (4,400 pages, 36 ms).
create index ix_model_model_area_cover on model_model (area_id, reg_year, status)
    include (id, updated_at, field, level, recognized_level, retired_year);
