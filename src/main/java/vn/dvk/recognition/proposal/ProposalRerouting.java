package vn.dvk.recognition.proposal;

import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.model.ModelRegistry;
import vn.dvk.shared.AuditTrail;
import vn.dvk.unit.UnitsReorganized;

/** Pending proposals at the level of an area that ended are routed to its successor's level. */
@Component
class ProposalRerouting {

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;

    ProposalRerouting(NamedParameterJdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(UnitsReorganized event) {
        for (UnitsReorganized.Moved moved : event.moved()) {
            MapSqlParameterSource p = new MapSqlParameterSource();
            Integer n = jdbc.queryForObject(
                    "select count(*) from recognition_proposal p join model_record m"
                            + " on m.id = p.model_id where p.status = 'PENDING' and "
                            + moved.formerSubtree().condition("m.unit_id", p),
                    p,
                    Integer.class);
            event.report().carried(moved.code(), "openProposals", n == null ? 0 : n);
        }
        for (UnitsReorganized.Ended ended : event.ended()) {
            if (!ended.successorLevel().atOrAbove(ended.level()) || ended.successorLevel() == ended.level()) {
                continue;
            }
            MapSqlParameterSource p = new MapSqlParameterSource(
                            "level", ended.level().name())
                    .addValue("to", ended.successorLevel().name());
            List<Long[]> rows = jdbc.query(
                    "select p.id, p.model_id from recognition_proposal p"
                            + " join model_record m on m.id = p.model_id"
                            + " where " + ended.formerSubtree().condition("m.unit_id", p)
                            + " and p.level = :level and p.status = 'PENDING'"
                            + " and not exists (select 1 from recognition_proposal q where q.model_id = p.model_id"
                            + " and q.level = :to and q.proposal_year = p.proposal_year)",
                    p,
                    (rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)});
            for (Long[] row : rows) {
                jdbc.update(
                        "update recognition_proposal set level = :to, version = version + 1 where id = :id",
                        new MapSqlParameterSource("to", ended.successorLevel().name()).addValue("id", row[0]));
                audit.record(
                        event.actor().username(),
                        ModelRegistry.AUDIT_SUBJECT,
                        row[1],
                        "REROUTE_PROPOSAL",
                        "PROPOSED",
                        "PROPOSED",
                        ended.level().name() + " → " + ended.successorLevel().name() + " (#" + event.reorganizationId()
                                + ")");
            }
            if (!rows.isEmpty()) {
                event.report()
                        .add(
                                "proposalsRerouted",
                                rows.size(),
                                rows.size() + " đề nghị đang chờ của " + ended.code() + " chuyển lên cấp "
                                        + ended.successorLevel().name());
            }
        }
    }
}
