package vn.dvk.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Level;
import vn.dvk.unit.UnitRef;

/**
 * The registrations of one year and some target levels in a unit's subtree, counted in SQL for each direct child of
 * the unit (its whole subtree) and for the unit itself, by the definitions of the statistics: "registered" = submitted
 * at least once (never drafts), "accepted" / "rejected" = the appraisal ended so (whatever happened later),
 * "changesRequested" = waiting on changes now, "awaitingAppraisal" = submitted and not appraised yet.
 */
@Component
public class RegistrationTally {

    /** The figures of one part of a subtree; {@code dossierComplete} counts registered models with all eight sections. */
    public record Counts(
            long registered,
            long awaitingAppraisal,
            long changesRequested,
            long accepted,
            long rejected,
            long dossierComplete) {

        /** Nothing registered. */
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        /** The figures of both parts together. */
        public Counts plus(Counts o) {
            return new Counts(
                    registered + o.registered,
                    awaitingAppraisal + o.awaitingAppraisal,
                    changesRequested + o.changesRequested,
                    accepted + o.accepted,
                    rejected + o.rejected,
                    dossierComplete + o.dossierComplete);
        }
    }

    /** The unit's own registrations, and each direct child's (by the child's id; a child with none is absent). */
    public record ByChild(Counts own, Map<Long, Counts> children) {}

    /**
     * One line per group of the subtree. Blank sections are stored as null ({@link Dossier}), so a complete dossier
     * is one without a null section.
     */
    private static final String SQL = """
            select %1$s as unit_key, count(*) as registered,
              sum(case when m.status = 'SUBMITTED' then 1 else 0 end) as awaiting,
              sum(case when m.status = 'CHANGES_REQUESTED' then 1 else 0 end) as changes_requested,
              sum(case when m.appraisal_outcome = 'ACCEPT' then 1 else 0 end) as accepted,
              sum(case when m.appraisal_outcome = 'REJECT' then 1 else 0 end) as rejected,
              sum(case when m.dossier_situation is not null and m.dossier_goals is not null
                        and m.dossier_approach is not null and m.dossier_area is not null
                        and m.dossier_forces is not null and m.dossier_resources is not null
                        and m.dossier_outputs is not null and m.dossier_sustainability is not null
                   then 1 else 0 end) as dossier_complete
            from model_model m join unit_scope u on u.id = m.unit_id
            where %2$s and m.reg_year = :year and m.level in (:levels) and m.submitted_at is not null
            group by %1$s
            """;

    private final NamedParameterJdbcTemplate jdbc;

    RegistrationTally(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The registrations for {@code year} targeting one of {@code levels} in the subtree of {@code parent}: those of
     * the parent itself, and those of each direct child's subtree, keyed by the child's id.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public ByChild byChild(UnitRef parent, int year, Collection<Level> levels) {
        if (levels.isEmpty()) {
            return new ByChild(Counts.ZERO, Map.of());
        }
        MapSqlParameterSource p = new MapSqlParameterSource("year", year)
                .addValue("levels", levels.stream().map(Enum::name).toList())
                .addValue("path", parent.path())
                .addValue("prefix", parent.path() + "%");
        Counts[] own = {Counts.ZERO};
        query("u.id", "u.path = :path", p, (key, c) -> own[0] = c);
        // the id that follows the parent's path in a descendant's materialized path ("/1/5/" + "12/…"): its child
        int from = parent.path().length() + 1;
        String childKey = "substring(u.path, " + from + ", position('/' in substring(u.path, " + from + ")) - 1)";
        Map<Long, Counts> children = new HashMap<>();
        query(childKey, "u.path like :prefix and u.path <> :path", p, (key, c) -> children.merge(key, c, Counts::plus));
        return new ByChild(own[0], children);
    }

    private void query(String key, String where, MapSqlParameterSource p, BiConsumer<Long, Counts> out) {
        jdbc.query(String.format(SQL, key, where), p, rs -> {
            out.accept(
                    Long.valueOf(rs.getString("unit_key")),
                    new Counts(
                            rs.getLong("registered"),
                            rs.getLong("awaiting"),
                            rs.getLong("changes_requested"),
                            rs.getLong("accepted"),
                            rs.getLong("rejected"),
                            rs.getLong("dossier_complete")));
        });
    }
}
