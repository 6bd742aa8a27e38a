package vn.dvk.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Role;

/**
 * Reporting deadlines: a model accepted (ghi nhận) before a half-year ends reports on that half-year within
 * {@code dvk.progress.report-due-days} days after its end (a whole-year report also covers the second half).
 * Computed in SQL for "Việc cần làm"; the daily job flags what stays overdue, once per model and period.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(ProgressProperties.class)
public class ReportingDeadlines {

    /** A report that is due or overdue, as "Việc cần làm" lists it. */
    public record Due(
            Long modelId,
            String title,
            String unitName,
            String period,
            String periodLabel,
            LocalDate dueOn,
            boolean overdue) {

        public String href() {
            return "/models/" + modelId;
        }

        public String detail() {
            return unitName + " · " + periodLabel;
        }
    }

    /**
     * Where a model stands with its reports: the last ended half-year it owes a report on and the next one; or,
     * when it owes none yet, the running half-year alone (next fields null). Periods by code ({@code 2026-H2}) and
     * with a Vietnamese label; pages name them in the reader's language from the code.
     */
    public record Status(
            String period,
            String periodLabel,
            LocalDate dueOn,
            boolean reported,
            boolean overdue,
            String nextPeriodLabel,
            LocalDate nextDueOn,
            String nextPeriod) {}

    /** When the model was first accepted ({@link Acceptances}), looked up per model by its key. */
    static final String ACCEPTED_AT = "(select a.accepted_at from progress_acceptance a where a.model_id = m.id)";

    private static final String UNREPORTED = "not exists (select 1 from progress_report r where r.model_id = m.id"
            + " and r.period_year = :py and (r.period_part = :pp or (:pp = 'H2' and r.period_part = 'Y')))";

    /** Reporters are reminded of a report this many days before it is due. */
    public static final int REMIND_DAYS = 7;

    private final NamedParameterJdbcTemplate jdbc;
    private final ModelRegistry models;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final int dueDays;

    ReportingDeadlines(
            NamedParameterJdbcTemplate jdbc,
            ModelRegistry models,
            AuditTrail audit,
            Clock clock,
            ProgressProperties settings,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
        this.dueDays = settings.reportDueDays();
    }

    public int dueDays() {
        return dueDays;
    }

    /** The day a period's report is due. */
    public LocalDate dueOn(ReportPeriod p) {
        return p.end().plusDays(dueDays);
    }

    /** "Việc cần làm" today: reporters see what is due or overdue, appraisers what is overdue, in their subtree. */
    public Map<String, List<Due>> inbox(Actor actor, int limit) {
        return inbox(actor, LocalDate.now(clock), limit);
    }

    /** "Việc cần làm" as it stands on a given day. */
    public Map<String, List<Due>> inbox(Actor actor, LocalDate today, int limit) {
        Map<String, List<Due>> out = new LinkedHashMap<>();
        if (actor.hasRole(Role.REPORTER)) {
            out.put("reportsDue", due(actor.unitPath(), today, false, limit));
        }
        if (actor.hasRole(Role.APPRAISER)) {
            out.put("reportsOverdue", due(actor.unitPath(), today, true, limit));
        }
        return out;
    }

    /** Where a model the actor may see stands with its reports on a given day; null when it need not report. */
    public Status status(Actor actor, Long modelId, LocalDate today) {
        ModelView m = models.get(actor, modelId);
        if (!Progress.REPORTABLE.contains(m.status())) {
            return null;
        }
        ReportPeriod last = ReportPeriod.lastEndedHalfBefore(today);
        ReportPeriod next = last.nextHalf();
        MapSqlParameterSource p = params(last).addValue("id", modelId);
        List<Boolean> owes = jdbc
                .queryForList(
                        "select case when " + UNREPORTED + " then 1 else 0 end"
                                + " from model_record m where m.id = :id and " + ACCEPTED_AT + " < :endsBefore",
                        p,
                        Integer.class)
                .stream()
                .map(i -> i == 1)
                .toList();
        if (owes.isEmpty()) {
            return new Status(next.code(), next.label(), dueOn(next), false, false, null, null, null);
        }
        boolean unreported = owes.get(0);
        return new Status(
                last.code(),
                last.label(),
                dueOn(last),
                !unreported,
                unreported && today.isAfter(dueOn(last)),
                next.label(),
                dueOn(next),
                next.code());
    }

    /**
     * Flags every model whose report on the last ended half-year is overdue on {@code today} and was not flagged
     * yet: one row per model and period, and an entry on the model's timeline. Answers how many it flagged.
     */
    @Transactional
    public int flagOverdue(LocalDate today) {
        ReportPeriod last = ReportPeriod.lastEndedHalfBefore(today);
        LocalDate dueOn = dueOn(last);
        if (!today.isAfter(dueOn)) {
            return 0;
        }
        MapSqlParameterSource p = params(last).addValue("statuses", statuses());
        List<Long> ids = jdbc.queryForList(
                "select m.id from model_record m"
                        + " where m.status in (:statuses) and " + ACCEPTED_AT + " < :endsBefore and " + UNREPORTED
                        + " and not exists (select 1 from progress_overdue o where o.model_id = m.id"
                        + " and o.period_year = :py and o.period_part = :pp) order by m.id",
                p,
                Long.class);
        Instant now = clock.instant();
        String comment = "Quá hạn báo cáo kết quả " + last.label() + " (hạn " + new Fmt().date(dueOn) + ")";
        for (Long id : ids) {
            jdbc.update(
                    "insert into progress_overdue (model_id, period_year, period_part, due_on, flagged_at)"
                            + " values (:id, :py, :pp, :due, :now)",
                    new MapSqlParameterSource("id", id)
                            .addValue("py", last.year())
                            .addValue("pp", last.part().name())
                            .addValue("due", Date.valueOf(dueOn))
                            .addValue("now", Timestamp.from(now)));
            audit.record("system", ModelRegistry.AUDIT_SUBJECT, id, "PROGRESS_OVERDUE", null, null, comment);
        }
        publish(ids, last, dueOn, true);
        return ids.size();
    }

    /**
     * Publishes a {@link ReportDue} for every model whose report on the last ended half-year is due within
     * {@link #REMIND_DAYS} days of {@code today} and not filed yet (the listeners keep one reminder per model and
     * period, however often this runs). Answers how many.
     */
    @Transactional
    public int remindDue(LocalDate today) {
        ReportPeriod last = ReportPeriod.lastEndedHalfBefore(today);
        LocalDate dueOn = dueOn(last);
        if (today.isAfter(dueOn) || today.isBefore(dueOn.minusDays(REMIND_DAYS))) {
            return 0;
        }
        MapSqlParameterSource p = params(last).addValue("statuses", statuses());
        List<Long> ids = jdbc.queryForList(
                "select m.id from model_record m"
                        + " where m.status in (:statuses) and " + ACCEPTED_AT + " < :endsBefore and " + UNREPORTED
                        + " order by m.id",
                p,
                Long.class);
        publish(ids, last, dueOn, false);
        return ids.size();
    }

    private void publish(List<Long> ids, ReportPeriod period, LocalDate dueOn, boolean overdue) {
        for (int from = 0; from < ids.size(); from += 500) {
            Map<Long, ModelView> views = models.viewsOf(ids.subList(from, Math.min(ids.size(), from + 500)));
            for (ModelView m : views.values()) {
                events.publishEvent(new ReportDue(
                        m.id(), m.title(), m.unitCode(), m.createdBy(), period.code(), period.label(), dueOn, overdue));
            }
        }
    }

    private List<Due> due(String prefix, LocalDate today, boolean overdueOnly, int limit) {
        ReportPeriod last = ReportPeriod.lastEndedHalfBefore(today);
        LocalDate dueOn = dueOn(last);
        boolean overdue = today.isAfter(dueOn);
        if (overdueOnly && !overdue) {
            return List.of();
        }
        MapSqlParameterSource p = params(last)
                .addValue("statuses", statuses())
                .addValue("prefix", prefix + "%")
                .addValue("limit", limit);
        return jdbc.query(
                "select x.id, x.title, x.name from (select m.id, m.title, u.name, " + ACCEPTED_AT
                        + " as accepted_at from model_record m join unit_scope u on u.id = m.unit_id"
                        + " where u.path like :prefix and m.status in (:statuses) and " + UNREPORTED + ") x"
                        + " where x.accepted_at < :endsBefore order by x.accepted_at asc, x.id asc limit :limit",
                p,
                (rs, i) -> new Due(
                        rs.getLong(1), rs.getString(2), rs.getString(3), last.code(), last.label(), dueOn, overdue));
    }

    private MapSqlParameterSource params(ReportPeriod last) {
        Instant endsBefore = last.end().plusDays(1).atStartOfDay(Fmt.ZONE).toInstant();
        return new MapSqlParameterSource("py", last.year())
                .addValue("pp", last.part().name())
                .addValue("endsBefore", Timestamp.from(endsBefore));
    }

    private static List<String> statuses() {
        return Progress.REPORTABLE.stream().map(Enum::name).toList();
    }
}
