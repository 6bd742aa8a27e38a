package vn.dvk.model;

import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.shared.AuditTrail;
import vn.dvk.unit.UnitsReorganized;

/**
 * When an area unit ends and its successor is at a higher level (a district dissolved into its province), the
 * open registrations under it that targeted the ended level are routed to the successor's level, so that they
 * show up in the successor's appraisers' inbox.
 */
@Component
class ModelRerouting {

    private final Models models;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ModelMetrics metrics;

    ModelRerouting(
            Models models, NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock, ModelMetrics metrics) {
        this.metrics = metrics;
        this.models = models;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(UnitsReorganized event) {
        for (UnitsReorganized.Moved moved : event.moved()) {
            MapSqlParameterSource p = new MapSqlParameterSource();
            Integer n = jdbc.queryForObject(
                    "select count(*) from model_model m where "
                            + moved.formerSubtree().condition("m.unit_id", p),
                    p,
                    Integer.class);
            event.report().carried(moved.code(), "models", n == null ? 0 : n);
        }
        for (UnitsReorganized.Ended ended : event.ended()) {
            if (!ended.successorLevel().atOrAbove(ended.level()) || ended.successorLevel() == ended.level()) {
                continue;
            }
            MapSqlParameterSource p =
                    new MapSqlParameterSource("level", ended.level().name());
            List<Long> ids = jdbc.queryForList(
                    "select m.id from model_model m where "
                            + ended.formerSubtree().condition("m.unit_id", p) + " and m.level = :level"
                            + " and m.status in ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED')",
                    p,
                    Long.class);
            for (DvkModel model : models.findAllById(ids)) {
                DvkModel.Transition t = model.reroute(ended.successorLevel(), clock.instant());
                audit.record(
                        event.actor().username(),
                        ModelRegistry.AUDIT_SUBJECT,
                        model.getId(),
                        t.action(),
                        t.from().name(),
                        t.to().name(),
                        ended.level().name() + " → " + ended.successorLevel().name() + " (#" + event.reorganizationId()
                                + ", " + ended.code() + ")");
                metrics.transitioned(t.action());
            }
            if (!ids.isEmpty()) {
                event.report()
                        .add(
                                "registrationsRerouted",
                                ids.size(),
                                ids.size() + " đăng ký đang mở của " + ended.code() + " chuyển lên cấp "
                                        + ended.successorLevel().name());
            }
        }
        models.flush();
    }
}
