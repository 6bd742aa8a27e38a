package vn.dvk.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.commendation.CommendationForm;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.Origin;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;
import vn.dvk.unit.UnitScope;

/**
 * Counts the movement over a unit's subtree. Three grouped SQL queries (models, proposals, commendations)
 * return at most a few dozen rows, which are then folded into the totals and the breakdowns.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

    private static final String MODELS_SQL = """
            select m.field, m.holder_type, m.origin,
              sum(case when m.reg_year >= :from and m.submitted_at is not null then 1 else 0 end) as registered,
              sum(case when m.reg_year >= :from and m.appraisal_outcome = 'ACCEPT' then 1 else 0 end) as accepted,
              sum(case when m.reg_year >= :from and m.status = 'CHANGES_REQUESTED' then 1 else 0 end) as changes_requested,
              sum(case when m.reg_year >= :from and m.appraisal_outcome = 'REJECT' then 1 else 0 end) as rejected,
              sum(case when m.appraisal_outcome = 'ACCEPT'
                        and (m.retired_year is null or m.retired_year > :to) then 1 else 0 end) as active,
              sum(case when m.retired_year between :from and :to then 1 else 0 end) as retired
            from model_model m
            where /*scope:m.unit_id*/ and m.reg_year <= :to /*filters*/
            group by m.field, m.holder_type, m.origin
            """;

    private static final String PROPOSALS_SQL = """
            select m.field, m.holder_type, m.origin, p.level,
              count(*) as proposed,
              sum(case when p.status = 'RECOGNIZED' then 1 else 0 end) as recognized
            from recognition_proposal p join model_model m on m.id = p.model_id
            where /*scope:m.unit_id*/ and p.proposal_year between :from and :to /*filters*/
            group by m.field, m.holder_type, m.origin, p.level
            """;

    private static final String COMMENDATIONS_SQL = """
            select c.form, c.recipient_type, i.level, count(*) as n
            from commendation_commendation c join unit_unit i on i.id = c.issuer_unit_id
            where /*scope:c.unit_id*/ and c.decision_date between :first and :last
            group by c.form, c.recipient_type, i.level
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitDirectory units;

    Statistics(NamedParameterJdbcTemplate jdbc, UnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** Counts for a unit the actor may see (its own subtree); 404 otherwise. */
    public StatisticsReport count(Actor actor, StatisticsQuery q) {
        UnitRef unit = units.byCode(q.unit()).filter(u -> actor.covers(u.path()))
                .orElseThrow(() -> new vn.dvk.shared.Problems.NotFound("unit.notFound"));
        return count(unit, q);
    }

    StatisticsReport count(UnitRef unit, StatisticsQuery q) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("from", q.fromYear()).addValue("to", q.toYear())
                .addValue("first", Date.valueOf(LocalDate.of(q.fromYear(), 1, 1)))
                .addValue("last", Date.valueOf(LocalDate.of(q.toYear(), 12, 31)));
        UnitScope scope = units.scope(unit, q.boundary() == StatisticsQuery.Boundary.HISTORICAL,
                LocalDate.of(q.toYear(), 12, 31));
        String byModelUnit = scope.condition("m.unit_id", p);
        String byCommendationUnit = scope.condition("c.unit_id", p);
        String modelFilters = "";
        String proposalFilters = "";
        if (q.field() != null) {
            modelFilters += " and m.field = :field";
            proposalFilters += " and m.field = :field";
            p.addValue("field", q.field().name());
        }
        if (q.level() != null) {
            modelFilters += " and m.level = :level";
            proposalFilters += " and p.level = :level";
            p.addValue("level", q.level().name());
        }

        Map<String, Counts> byField = zeros(Field.values());
        Map<String, Counts> byHolder = zeros(HolderType.values());
        Map<String, Counts> byOrigin = zeros(Origin.values());
        Map<String, Long> recognizedByLevel = new LinkedHashMap<>();
        for (Level l : Level.values()) {
            recognizedByLevel.put(l.name(), 0L);
        }
        Counts[] total = {Counts.ZERO};

        jdbc.query(MODELS_SQL.replace("/*scope:m.unit_id*/", byModelUnit).replace("/*filters*/", modelFilters), p, rs -> {
            Counts c = new Counts(rs.getLong("registered"), rs.getLong("accepted"), rs.getLong("changes_requested"),
                    rs.getLong("rejected"), 0, 0, rs.getLong("active"), rs.getLong("retired"));
            add(total, byField, byHolder, byOrigin, rs.getString("field"), rs.getString("holder_type"),
                    rs.getString("origin"), c);
        });
        jdbc.query(PROPOSALS_SQL.replace("/*scope:m.unit_id*/", byModelUnit).replace("/*filters*/", proposalFilters), p,
                rs -> {
            long recognized = rs.getLong("recognized");
            Counts c = new Counts(0, 0, 0, 0, rs.getLong("proposed"), recognized, 0, 0);
            add(total, byField, byHolder, byOrigin, rs.getString("field"), rs.getString("holder_type"),
                    rs.getString("origin"), c);
            recognizedByLevel.merge(rs.getString("level"), recognized, Long::sum);
        });

        Map<String, Map<String, Long>> byForm = new LinkedHashMap<>();
        for (CommendationForm f : CommendationForm.values()) {
            byForm.put(f.name(), recipients());
        }
        Map<String, Map<String, Long>> byIssuerLevel = new LinkedHashMap<>();
        for (Level l : Level.values()) {
            byIssuerLevel.put(l.name(), recipients());
        }
        jdbc.query(COMMENDATIONS_SQL.replace("/*scope:c.unit_id*/", byCommendationUnit), p, rs -> {
            long n = rs.getLong("n");
            byForm.get(rs.getString("form")).merge(rs.getString("recipient_type"), n, Long::sum);
            byIssuerLevel.get(rs.getString("level")).merge(rs.getString("recipient_type"), n, Long::sum);
        });

        Counts t = total[0];
        return new StatisticsReport(unit.code(), q.period() ? null : q.fromYear(),
                q.period() ? q.fromYear() + "-" + q.toYear() : null, t.registered(), t.accepted(),
                t.changesRequested(), t.rejected(), t.proposed(), t.recognized(), t.active(), t.retired(), byField,
                byHolder, byOrigin, recognizedByLevel,
                new StatisticsReport.CommendationCounts(byForm, byIssuerLevel));
    }

    /** Totals of each direct child of a unit, for drill-down tables. */
    public Map<UnitRef, Counts> byChild(Actor actor, StatisticsQuery q) {
        UnitRef unit = units.byCode(q.unit()).filter(u -> actor.covers(u.path()))
                .orElseThrow(() -> new vn.dvk.shared.Problems.NotFound("unit.notFound"));
        Map<UnitRef, Counts> out = new LinkedHashMap<>();
        List<UnitRef> children = units.children(unit);
        for (UnitRef child : children) {
            out.put(child, count(child, q).totals());
        }
        return out;
    }

    private static void add(Counts[] total, Map<String, Counts> byField, Map<String, Counts> byHolder,
                            Map<String, Counts> byOrigin, String field, String holder, String origin, Counts c) {
        total[0] = total[0].plus(c);
        byField.merge(field, c, Counts::plus);
        byHolder.merge(holder, c, Counts::plus);
        byOrigin.merge(origin, c, Counts::plus);
    }

    private static <E extends Enum<E>> Map<String, Counts> zeros(E[] values) {
        Map<String, Counts> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(e.name(), Counts.ZERO);
        }
        return m;
    }

    private static Map<String, Long> recipients() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (HolderType h : HolderType.values()) {
            m.put(h.name(), 0L);
        }
        return m;
    }
}
