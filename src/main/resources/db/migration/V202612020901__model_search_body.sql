-- Search by words in any order, title before summary (vn.dvk.model.ModelRegistry): the folded words of the summary
-- beside those of the title and holder (search_text, which now holds words only). Both are filled for the existing
-- models by the Java migration V202612020902 (vn.dvk.model); on PostgreSQL, V202612020903 indexes them.
alter table model_model add column search_body text;
-- The unfiltered list of a wide scope (the central viewer's), newest change first, read in index order
create index ix_model_model_updated on model_model (updated_at desc, id desc);
