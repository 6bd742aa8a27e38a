-- Versions of the data, for caches that must never serve a figure older than the last write (vn.dvk.shared.DataVersions).
-- A writing transaction moves the version of each area it changed (a direct child of the root: a province; the root
-- for the root's own units; 0 for "somewhere", a change whose area is not known) to the next number of the head's
-- data_version, in the same transaction, just before it commits, while it holds the audit chain's head lock. So a
-- reader that sees a version also sees every change made before it, on whichever node the change was made.
alter table shared_audit_chain_head add column data_version bigint not null default 0;

create table shared_data_version (
    area_id     bigint                   primary key,
    version     bigint                   not null,
    changed_at  timestamp with time zone not null
);
