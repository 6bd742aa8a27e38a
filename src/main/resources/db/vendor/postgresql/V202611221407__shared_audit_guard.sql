create function shared_audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'shared_audit_entry is append-only' using errcode = '42501';
end;
$$;

create trigger trg_shared_audit_entry_no_change before update or delete on shared_audit_entry
    for each row execute function shared_audit_entry_append_only();
create trigger trg_shared_audit_entry_no_truncate before truncate on shared_audit_entry
    for each statement execute function shared_audit_entry_append_only();
