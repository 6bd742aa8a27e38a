-- A model's number in its unit's own files (externalId, unique per unit) and the import that created it, if any.
alter table model_model add column external_id varchar(64);
alter table model_model add column import_id bigint;
create unique index uq_model_model_unit_external on model_model (unit_id, external_id);
create index ix_model_model_import on model_model (import_id);
