-- A photo among a model's evidence files may be shown on the public library's page of the model (vn.dvk.showcase)
-- when its unit says so, at upload or later on the model page; every file is private until then.
alter table progress_evidence add column public_photo boolean default false not null;
create index ix_progress_evidence_public on progress_evidence (model_id, public_photo);
