-- A province's search reads its area's models newest change first and tests each against the words, stopping at a
-- page (vn.dvk.model.ModelRegistry#matches), instead of reading every matching row to sort them: a common word
-- matched 4,000 of a province's 14,600 models, each a table page of its own (18 ms a search under load; 0.3 ms read in
-- this order). The status is in the index so that a viewer's drafts are skipped before the table is read.
create index ix_model_model_area_order on model_model (area_id, updated_at desc, id desc) include (status);
