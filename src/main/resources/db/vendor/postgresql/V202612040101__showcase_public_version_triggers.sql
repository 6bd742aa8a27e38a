-- The public library's version (see the migration showcase_public_version): once per statement that changes rows the
-- public pages show, whoever changes them (the application, an import, SQL). Each table's trigger passes the test a
-- changed row must pass (on the row r of the statement's transition tables); the embedded database does the same
-- row by row (vn.dvk.showcase.PublicVersionTrigger).
create function showcase_public_version_bump() returns trigger language plpgsql as $$
declare
    hit boolean := false;
begin
    if tg_op in ('INSERT', 'UPDATE') then
        execute 'select exists (select 1 from new_rows r where ' || tg_argv[0] || ')' into hit;
    end if;
    if not hit and tg_op in ('UPDATE', 'DELETE') then
        execute 'select exists (select 1 from old_rows r where ' || tg_argv[0] || ')' into hit;
    end if;
    if hit then
        update showcase_public_version set version = nextval('showcase_public_version_seq'), changed_at = now()
            where id = 1;
    end if;
    return null;
end
$$;

create trigger trg_model_model_public_version_i after insert on model_model referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('r.recognized_level is not null and r.status <> ''RETIRED'' and r.retired_year is null');
create trigger trg_model_model_public_version_u after update on model_model referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('r.recognized_level is not null and r.status <> ''RETIRED'' and r.retired_year is null');
create trigger trg_model_model_public_version_d after delete on model_model referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('r.recognized_level is not null and r.status <> ''RETIRED'' and r.retired_year is null');

create trigger trg_recognition_proposal_public_version_i after insert on recognition_proposal referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('r.status = ''RECOGNIZED''');
create trigger trg_recognition_proposal_public_version_u after update on recognition_proposal referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('r.status = ''RECOGNIZED''');
create trigger trg_recognition_proposal_public_version_d after delete on recognition_proposal referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('r.status = ''RECOGNIZED''');

create trigger trg_showcase_feedback_public_version_i after insert on showcase_feedback referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('true');
create trigger trg_showcase_feedback_public_version_u after update on showcase_feedback referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('true');
create trigger trg_showcase_feedback_public_version_d after delete on showcase_feedback referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('true');

create trigger trg_progress_evidence_public_version_i after insert on progress_evidence referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('r.public_photo');
create trigger trg_progress_evidence_public_version_u after update on progress_evidence referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('r.public_photo');
create trigger trg_progress_evidence_public_version_d after delete on progress_evidence referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('r.public_photo');

create trigger trg_progress_report_public_version_i after insert on progress_report referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from model_model m where m.id = r.model_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');
create trigger trg_progress_report_public_version_u after update on progress_report referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from model_model m where m.id = r.model_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');
create trigger trg_progress_report_public_version_d after delete on progress_report referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from model_model m where m.id = r.model_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');

create trigger trg_progress_model_indicator_public_version_i after insert on progress_model_indicator referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from model_model m where m.id = r.model_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');
create trigger trg_progress_model_indicator_public_version_u after update on progress_model_indicator referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from model_model m where m.id = r.model_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');
create trigger trg_progress_model_indicator_public_version_d after delete on progress_model_indicator referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from model_model m where m.id = r.model_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');

create trigger trg_progress_value_public_version_i after insert on progress_value referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from progress_report p join model_model m on m.id = p.model_id where p.id = r.report_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');
create trigger trg_progress_value_public_version_u after update on progress_value referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from progress_report p join model_model m on m.id = p.model_id where p.id = r.report_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');
create trigger trg_progress_value_public_version_d after delete on progress_value referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('exists (select 1 from progress_report p join model_model m on m.id = p.model_id where p.id = r.report_id and m.recognized_level is not null and m.status <> ''RETIRED'' and m.retired_year is null)');

create trigger trg_progress_indicator_public_version_i after insert on progress_indicator referencing new table as new_rows
    for each statement execute function showcase_public_version_bump('true');
create trigger trg_progress_indicator_public_version_u after update on progress_indicator referencing old table as old_rows new table as new_rows
    for each statement execute function showcase_public_version_bump('true');
create trigger trg_progress_indicator_public_version_d after delete on progress_indicator referencing old table as old_rows
    for each statement execute function showcase_public_version_bump('true');
