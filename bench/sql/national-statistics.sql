-- The three grouped queries GET /api/v1/statistics?unit=TW&year=2025 runs (vn.dvk.statistics.Statistics), with the
-- national scope (every unit under the root's path) and year 2025: what the database alone can do.
select m.field, m.holder_type, m.origin, m.level,
  sum(case when m.reg_year >= 2025 and m.submitted_at is not null then 1 else 0 end) as registered,
  sum(case when m.reg_year >= 2025 and m.appraisal_outcome = 'ACCEPT' then 1 else 0 end) as accepted,
  sum(case when m.reg_year >= 2025 and m.status = 'CHANGES_REQUESTED' then 1 else 0 end) as changes_requested,
  sum(case when m.reg_year >= 2025 and m.appraisal_outcome = 'REJECT' then 1 else 0 end) as rejected,
  sum(case when m.appraisal_outcome = 'ACCEPT' and (m.retired_year is null or m.retired_year > 2025) then 1 else 0 end) as active,
  sum(case when m.retired_year between 2025 and 2025 then 1 else 0 end) as retired
from model_model m join unit_unit u on u.id = m.unit_id
where m.unit_id in (select su.id from unit_unit su where su.path like :prefix) and m.reg_year <= 2025
group by m.field, m.holder_type, m.origin, m.level;
select m.field, m.holder_type, m.origin, p.level, count(*) as proposed,
  sum(case when p.status = 'RECOGNIZED' then 1 else 0 end) as recognized
from recognition_proposal p join model_model m on m.id = p.model_id join unit_unit u on u.id = m.unit_id
where m.unit_id in (select su.id from unit_unit su where su.path like :prefix) and p.proposal_year between 2025 and 2025
group by m.field, m.holder_type, m.origin, p.level;
select c.form, c.recipient_type, i.level, count(*) as n
from commendation_commendation c join unit_unit u on u.id = c.unit_id join unit_unit i on i.id = c.issuer_unit_id
where c.unit_id in (select su.id from unit_unit su where su.path like :prefix)
  and c.decision_date between date '2025-01-01' and date '2025-12-31'
group by c.form, c.recipient_type, i.level;
