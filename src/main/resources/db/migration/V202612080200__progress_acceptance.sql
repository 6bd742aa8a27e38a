-- When each model was first accepted (its registration appraised ACCEPT): the start of its reporting duties and of its
-- signs of formalism (vn.dvk.progress.ReportingDeadlines, FormalismSignals). Progress writes it when the model module
-- publishes ModelAppraised, in the appraisal's transaction (vn.dvk.progress.Acceptances); before, progress read the
-- audit trail for it. Filled here once from the audit trail: the first APPRAISE_ACCEPT of each model.
create table progress_acceptance (
    model_id    bigint primary key,
    accepted_at timestamp with time zone not null,
    constraint fk_progress_acceptance_model foreign key (model_id) references model_model (id)
);
insert into progress_acceptance (model_id, accepted_at)
select a.subject_id, min(a.at)
from shared_audit_entry a
where a.subject_type = 'MODEL' and a.action = 'APPRAISE_ACCEPT'
  and exists (select 1 from model_model m where m.id = a.subject_id)
group by a.subject_id;
