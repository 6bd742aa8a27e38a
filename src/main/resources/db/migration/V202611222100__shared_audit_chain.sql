-- The audit trail chained by hashes: each entry carries the previous entry's hash and its own
-- (SHA-256, see vn.dvk.shared.AuditHash). Existing entries are back-filled by the Java migration
-- V202611222101 (vn.dvk.shared), which also fills the head and makes both columns NOT NULL.
alter table shared_audit_entry add column prev_hash varchar(64);
alter table shared_audit_entry add column hash varchar(64);

-- One row: where the chain ends. Writers lock it (SELECT ... FOR UPDATE) just before they commit.
create table shared_audit_chain_head (
    id         integer     primary key,
    last_id    bigint,
    last_hash  varchar(64) not null,
    entries    bigint      not null,
    constraint ck_shared_audit_chain_head_one check (id = 1)
);
