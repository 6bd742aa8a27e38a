-- Reorganizations with a future effective date are stored as SCHEDULED with their request, and applied on that
-- date by the nightly job (or CANCELLED before it, or FAILED when the tree no longer allows them).
alter table unit_reorganization add column status varchar(16) default 'APPLIED' not null;
alter table unit_reorganization add column request varchar(200000);
alter table unit_reorganization add column decided_by varchar(64);
alter table unit_reorganization add column decided_at timestamp with time zone;
alter table unit_reorganization add constraint ck_unit_reorganization_status
    check (status in ('APPLIED', 'SCHEDULED', 'CANCELLED', 'FAILED'));
create index ix_unit_reorganization_due on unit_reorganization (status, effective_date);
