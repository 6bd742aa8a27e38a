package vn.dvk.model;

import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.DataSourceTuning;
import vn.dvk.unit.UnitsReorganized;

/**
 * When an area unit ends and its successor is at a higher level (a district dissolved into its province), the
 * open registrations under it that targeted the ended level are routed to the successor's level, so that they
 * show up in the successor's appraisers' inbox. On PostgreSQL, the models under a unit that moved (re-hung under
 * another parent, or ended into a successor) take the area of its new place ({@code model_model.area_id}, the
 * search's province lexeme), in the reorganization's transaction: the unit module publishes the move, this module
 * keeps its own column (it was a trigger on the unit module's table).
 */
@Component
class ModelRerouting {

    private final Models models;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final ModelMetrics metrics;

    private final boolean postgres;

    ModelRerouting(
            Models models,
            NamedParameterJdbcTemplate jdbc,
            AuditTrail audit,
            Clock clock,
            ModelMetrics metrics,
            DataSourceTuning tuning) {
        this.postgres = tuning.postgres();
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
        if (postgres) {
            for (UnitsReorganized.Moved moved : event.moved()) {
                placeInArea(moved.code());
            }
        }
    }

    /** The models under a unit (its subtree as it is now) take the area of the unit's place now. */
    private void placeInArea(String unitCode) {
        jdbc.update(
                "update model_model m set area_id = dvk_area_of(u.path) from unit_scope u"
                        + " where u.id = m.unit_id and m.area_id is distinct from dvk_area_of(u.path)"
                        + " and u.path like (select concat(t.path, '%') from unit_scope t where t.code = :code)",
                new MapSqlParameterSource("code", unitCode));
    }
}
