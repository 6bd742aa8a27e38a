-- The area of a unit: the second id of its materialized path (/root/area/…/), or the first for the root itself.
create function statistics_area(unit bigint) returns bigint language sql stable as $$
    select coalesce(nullif(split_part(u.path, '/', 3), ''), split_part(u.path, '/', 2))::bigint
    from unit_unit u where u.id = unit
$$;

create function statistics_model_delta() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.unit_id, old.reg_year, old.field, old.holder_type, old.origin, old.level, old.status,
            old.appraisal_outcome, old.submitted_at is not null, old.retired_year)
        is not distinct from (new.unit_id, new.reg_year, new.field, new.holder_type, new.origin, new.level,
            new.status, new.appraisal_outcome, new.submitted_at is not null, new.retired_year) then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into statistics_model_delta (area_id, reg_year, field, holder_type, origin, level, status,
                                            appraisal_outcome, submitted, retired_year, n)
        values (statistics_area(old.unit_id), old.reg_year, old.field, old.holder_type, old.origin, old.level,
                old.status, old.appraisal_outcome, old.submitted_at is not null, old.retired_year, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into statistics_model_delta (area_id, reg_year, field, holder_type, origin, level, status,
                                            appraisal_outcome, submitted, retired_year, n)
        values (statistics_area(new.unit_id), new.reg_year, new.field, new.holder_type, new.origin, new.level,
                new.status, new.appraisal_outcome, new.submitted_at is not null, new.retired_year, 1);
    end if;
    return null;
end
$$;

create trigger trg_model_model_statistics after insert or update or delete on model_model
    for each row execute function statistics_model_delta();

create function statistics_proposal_delta() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.model_id, old.proposal_year, old.level, old.status)
        is not distinct from (new.model_id, new.proposal_year, new.level, new.status) then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into statistics_proposal_delta (area_id, proposal_year, field, holder_type, origin, level, status, n)
        select statistics_area(m.unit_id), old.proposal_year, m.field, m.holder_type, m.origin, old.level,
               old.status, -1
        from model_model m where m.id = old.model_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into statistics_proposal_delta (area_id, proposal_year, field, holder_type, origin, level, status, n)
        select statistics_area(m.unit_id), new.proposal_year, m.field, m.holder_type, m.origin, new.level,
               new.status, 1
        from model_model m where m.id = new.model_id;
    end if;
    return null;
end
$$;

create trigger trg_recognition_proposal_statistics after insert or update or delete on recognition_proposal
    for each row execute function statistics_proposal_delta();
