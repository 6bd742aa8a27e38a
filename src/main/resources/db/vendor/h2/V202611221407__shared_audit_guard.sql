create trigger trg_shared_audit_entry_no_update before update on shared_audit_entry
    for each row call "vn.dvk.shared.AuditGuardTrigger";
create trigger trg_shared_audit_entry_no_delete before delete on shared_audit_entry
    for each row call "vn.dvk.shared.AuditGuardTrigger";
