package vn.dvk.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.commendation.CommendationForm;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.Origin;
import vn.dvk.shared.Actor;
import vn.dvk.shared.DataSourceTuning;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.Level;
import vn.dvk.shared.VersionedCache;
import vn.dvk.showcase.CitizenFeedback;
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
            select /*keys*/,
              sum(case when m.reg_year >= :from and m.submitted_at is not null then 1 else 0 end) as registered,
              sum(case when m.reg_year >= :from and m.appraisal_outcome = 'ACCEPT' then 1 else 0 end) as accepted,
              sum(case when m.reg_year >= :from and m.status = 'CHANGES_REQUESTED' then 1 else 0 end) as changes_requested,
              sum(case when m.reg_year >= :from and m.appraisal_outcome = 'REJECT' then 1 else 0 end) as rejected,
              sum(case when m.appraisal_outcome = 'ACCEPT'
                        and (m.retired_year is null or m.retired_year > :to) then 1 else 0 end) as active,
              sum(case when m.retired_year between :from and :to then 1 else 0 end) as retired
            from model_record m join unit_scope u on u.id = m.unit_id /*join*/
            where /*scope:m.unit_id*/ and m.reg_year <= :to /*filters*/
            group by /*keys*/
            """;

    private static final String PROPOSALS_SQL = """
            select /*keys*/,
              count(*) as proposed,
              sum(case when p.status = 'RECOGNIZED' then 1 else 0 end) as recognized
            from recognition_record p join model_record m on m.id = p.model_id
              join unit_scope u on u.id = m.unit_id /*join*/
            where /*scope:proposal*/ and p.proposal_year between :from and :to /*filters*/
            group by /*keys*/
            """;

    private static final String COMMENDATIONS_SQL = """
            select /*keys*/, count(*) as n
            from commendation_record c join unit_scope u on u.id = c.unit_id
              join unit_scope i on i.id = c.issuer_unit_id /*join*/
            where /*scope:c.unit_id*/ and c.decision_date between :first and :last
            group by /*keys*/
            """;

    /**
     * The same two counts over the deltas the triggers keep per area (see {@link RollupTrigger}): for the root and its
     * direct children within today's boundaries, a sum over a few thousand rows instead of every model.
     */
    private static final String MODELS_ROLLUP_SQL = """
            select /*keys*/,
              sum(case when m.reg_year >= :from and m.submitted then m.n else 0 end) as registered,
              sum(case when m.reg_year >= :from and m.appraisal_outcome = 'ACCEPT' then m.n else 0 end) as accepted,
              sum(case when m.reg_year >= :from and m.status = 'CHANGES_REQUESTED' then m.n else 0 end) as changes_requested,
              sum(case when m.reg_year >= :from and m.appraisal_outcome = 'REJECT' then m.n else 0 end) as rejected,
              sum(case when m.appraisal_outcome = 'ACCEPT'
                        and (m.retired_year is null or m.retired_year > :to) then m.n else 0 end) as active,
              sum(case when m.retired_year between :from and :to then m.n else 0 end) as retired
            from statistics_model_delta m
            where /*scope:m.area_id*/ and m.reg_year <= :to /*filters*/
            group by /*keys*/
            """;

    private static final String PROPOSALS_ROLLUP_SQL = """
            select /*keys*/,
              sum(p.n) as proposed,
              sum(case when p.status = 'RECOGNIZED' then p.n else 0 end) as recognized
            from statistics_proposal_delta p
            where /*scope:p.area_id*/ and p.proposal_year between :from and :to /*filters*/
            group by /*keys*/
            """;

    /** The models of a trend grouped by what {@link #years} tests, from the models or from the deltas. */
    private static final String MODEL_YEARS_SQL = """
            select m.reg_year, case when m.submitted_at is not null then 1 else 0 end as submitted,
              m.appraisal_outcome, m.status, m.retired_year, count(*) as n
            from model_record m join unit_scope u on u.id = m.unit_id
            where /*scope:m.unit_id*/ and m.reg_year <= :to /*filters*/
            group by m.reg_year, case when m.submitted_at is not null then 1 else 0 end, m.appraisal_outcome,
              m.status, m.retired_year
            """;

    private static final String MODEL_YEARS_ROLLUP_SQL = """
            select m.reg_year, case when m.submitted then 1 else 0 end as submitted, m.appraisal_outcome, m.status,
              m.retired_year, sum(m.n) as n
            from statistics_model_delta m
            where /*scope:m.area_id*/ and m.reg_year <= :to /*filters*/
            group by m.reg_year, m.submitted, m.appraisal_outcome, m.status, m.retired_year
            """;

    private static final String PROPOSAL_YEARS_SQL = """
            select p.proposal_year, p.status, count(*) as n
            from recognition_record p join model_record m on m.id = p.model_id
              join unit_scope u on u.id = m.unit_id
            where /*scope:proposal*/ and p.proposal_year between :from and :to /*filters*/
            group by p.proposal_year, p.status
            """;

    private static final String PROPOSAL_YEARS_ROLLUP_SQL = """
            select p.proposal_year, p.status, sum(p.n) as n
            from statistics_proposal_delta p
            where /*scope:p.area_id*/ and p.proposal_year between :from and :to /*filters*/
            group by p.proposal_year, p.status
            """;

    /**
     * The business date of a registration, by which the boundaries of the past place it: the day it was submitted
     * (created, for a draft); see {@link #businessDate}.
     */
    private static final String MODEL_DATE = businessDate("coalesce(m.submitted_at, m.created_at)", "m.reg_year");

    /** The business date of a proposal: the day it was made; see {@link #businessDate}. */
    private static final String PROPOSAL_DATE = businessDate("p.proposed_at", "p.proposal_year");

    private static final String PROPOSAL_ROLLUP_KEYS = "p.field, p.holder_type, p.origin, p.level";

    /** Group keys and join of the breakdowns by the model's attributes (and the proposal's or issuer's level). */
    private static final String MODEL_KEYS = "m.field, m.holder_type, m.origin, m.level";

    private static final String PROPOSAL_KEYS = "m.field, m.holder_type, m.origin, p.level";
    private static final String COMMENDATION_KEYS = "c.form, c.recipient_type, i.level";

    /**
     * Group key of the drill-down: each row of the subtree counted under the direct child holding it, read from the
     * unit's materialized path (the id that follows the parent's path); rows of the parent unit itself are left out
     * by the join condition.
     */
    private static final String CHILD_KEY = "substring(u.path, %1$d, position('/' in substring(u.path, %1$d)) - 1)";

    private static final String CHILD_JOIN = " and u.path <> :parentPath";

    private final NamedParameterJdbcTemplate jdbc;
    private final CitizenFeedback feedback;
    private final UnitDirectory units;
    private final VersionedCache cache;
    private final DataSourceTuning tuning;

    Statistics(
            NamedParameterJdbcTemplate jdbc,
            UnitDirectory units,
            VersionedCache cache,
            DataSourceTuning tuning,
            CitizenFeedback feedback) {
        this.feedback = feedback;
        this.jdbc = jdbc;
        this.tuning = tuning;
        this.units = units;
        this.cache = cache;
    }

    /** Counts for a unit the actor may see (its own subtree); 404 otherwise. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public StatisticsReport count(Actor actor, StatisticsQuery q) {
        UnitRef unit = visible(actor, q);
        return withFeedback(count(unit, q, version(unit, q)), unit, q);
    }

    /**
     * A query the actor may ask (404 otherwise), with its unit, resolved once, and the version of the data it reads
     * (see {@link #version}): for a page that shows several figures of the same query.
     */
    public record Scoped(UnitRef unit, StatisticsQuery q, DataVersions.Version version) {}

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Scoped scope(Actor actor, StatisticsQuery q) {
        UnitRef unit = visible(actor, q);
        return new Scoped(unit, q, version(unit, q));
    }

    /** The counts of a scoped query, computed once per version on each node. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public StatisticsReport count(Scoped s) {
        return withFeedback(count(s.unit(), s.q(), s.version()), s.unit(), s.q());
    }

    /** The counts with the citizens' ratings of the same scope, span and field (vn.dvk.showcase). */
    private StatisticsReport withFeedback(StatisticsReport r, UnitRef unit, StatisticsQuery q) {
        return r.withFeedback(feedback.inScope(unit.path(), q.fromYear(), q.toYear(), q.field()));
    }

    private StatisticsReport count(UnitRef unit, StatisticsQuery q, DataVersions.Version version) {
        if (composed(unit, q)) {
            return cache.getComposed(
                    VersionedCache.STATISTICS,
                    version,
                    List.of("count", unit.id(), q),
                    () -> sum(unit, q, parts(unit, q)));
        }
        return cache.get(VersionedCache.STATISTICS, version, List.of("count", unit.id(), q), () -> count(unit, q));
    }

    /**
     * Whether the count is the sum of its areas' counts: the root's within today's boundaries. A write in a province
     * then makes only that province's part be counted again, not the country's.
     */
    private static boolean composed(UnitRef unit, StatisticsQuery q) {
        return unit.parentId() == null && q.boundary() == StatisticsQuery.Boundary.CURRENT;
    }

    /** One area of the root: a direct child with its subtree, or the root's own units ({@code unit} is the root). */
    private record Part<T>(UnitRef unit, boolean own, T value) {}

    /** A figure of one part of the root: {@code own} for the root's own units, else the subtree of {@code unit}. */
    private interface PartFigure<T> {
        T of(UnitRef unit, StatisticsQuery q, boolean own);
    }

    /**
     * The root's {@code kind} of figures in parts: its own units, and each direct child's subtree, each cached per
     * version of its own area (read together, before any part is counted). A part's key is the area's own key: a
     * province's viewer and the country's share it.
     */
    private <T> List<Part<T>> parts(UnitRef root, StatisticsQuery q, String kind, PartFigure<T> figure) {
        DataVersions.Snapshot versions = cache.snapshot();
        List<Part<T>> parts = new ArrayList<>();
        parts.add(new Part<>(
                root,
                true,
                cache.get(
                        VersionedCache.STATISTICS,
                        versions.ofArea(root.id(), q.toYear()),
                        List.of("own-" + kind, root.id(), q),
                        () -> figure.of(root, q, true))));
        for (UnitRef area : units.children(root)) {
            StatisticsQuery aq = new StatisticsQuery(
                    area.code(), q.fromYear(), q.toYear(), q.period(), q.level(), q.field(), q.boundary());
            parts.add(new Part<>(
                    area,
                    false,
                    cache.get(
                            VersionedCache.STATISTICS,
                            versions.ofArea(area.id(), q.toYear()),
                            List.of(kind, area.id(), aq),
                            () -> figure.of(area, aq, false))));
        }
        return parts;
    }

    /** The root's count in parts (see {@link #parts}); an area's part is its own count. */
    private List<Part<StatisticsReport>> parts(UnitRef root, StatisticsQuery q) {
        return parts(root, q, "count", (unit, uq, own) -> count(unit, uq, true, own));
    }

    /** The sum of the parts' counts, as the count of {@code unit}. */
    private static StatisticsReport sum(UnitRef unit, StatisticsQuery q, List<Part<StatisticsReport>> parts) {
        Tally t = new Tally();
        for (Part<StatisticsReport> part : parts) {
            StatisticsReport r = part.value();
            t.total = t.total.plus(r.totals());
            r.byField().forEach((k, v) -> t.byField.merge(k, v, Counts::plus));
            r.byHolderType().forEach((k, v) -> t.byHolder.merge(k, v, Counts::plus));
            r.byOrigin().forEach((k, v) -> t.byOrigin.merge(k, v, Counts::plus));
            r.byLevel().forEach((k, v) -> t.byLevel.merge(k, v, Counts::plus));
            r.recognizedByLevel().forEach((k, v) -> t.recognizedByLevel.merge(k, v, Long::sum));
            r.commendations().byForm().forEach((form, m) -> m.forEach((k, v) -> t.commended(form, null, k, v)));
            r.commendations()
                    .byIssuerLevel()
                    .forEach((level, m) -> m.forEach((k, v) -> t.commended(null, level, k, v)));
        }
        return t.report(unit, q);
    }

    /**
     * The version of the data a count of {@code q} reads, read before the count: today's subtree moves with its area;
     * the boundaries of the past may reach into any area, so they move with every change.
     */
    private DataVersions.Version version(UnitRef unit, StatisticsQuery q) {
        if (q.boundary() == StatisticsQuery.Boundary.HISTORICAL) {
            return cache.version(unit.path().substring(0, unit.path().indexOf('/', 1) + 1));
        }
        // every figure of a span counts only models registered up to its last year (m.reg_year <= :to)
        return cache.version(unit.path(), q.toYear());
    }

    private UnitRef visible(Actor actor, StatisticsQuery q) {
        return units.byCode(q.unit())
                .filter(u -> StatisticsPolicy.maySee(actor, u.path()))
                .orElseThrow(() -> new vn.dvk.shared.Problems.NotFound("unit.notFound"));
    }

    StatisticsReport count(UnitRef unit, StatisticsQuery q) {
        return count(unit, q, rollup(unit, q));
    }

    /** The count from the deltas ({@code rollup}, where {@link #rollup} allows it) or from the models themselves. */
    StatisticsReport count(UnitRef unit, StatisticsQuery q, boolean rollup) {
        return count(unit, q, rollup, false);
    }

    /**
     * The count of the subtree of {@code unit}, or ({@code own}, for the root within today's boundaries) of the root's
     * own units only.
     */
    private StatisticsReport count(UnitRef unit, StatisticsQuery q, boolean rollup, boolean own) {
        // the models' and proposals' units by path: planned for the values; the deltas by area: any plan serves
        if (rollup) {
            tuning.defaultPlansInThisTransaction();
        } else {
            tuning.customPlansInThisTransaction();
        }
        Bound b = bind(unit, q, q.boundary() == StatisticsQuery.Boundary.HISTORICAL, own);
        MapSqlParameterSource p = b.params();
        String[] filters = filters(q, p);

        Tally t = new Tally();
        String modelsSql = rollup
                ? sql(MODELS_ROLLUP_SQL, MODEL_KEYS, "", filters[0], b)
                : sql(MODELS_SQL, MODEL_KEYS, "", filters[0], b);
        String proposalsSql = rollup
                ? sql(PROPOSALS_ROLLUP_SQL, PROPOSAL_ROLLUP_KEYS, "", rollupFilter(filters[1]), b)
                : sql(PROPOSALS_SQL, PROPOSAL_KEYS, "", filters[1], b);
        jdbc.query(modelsSql, p, rs -> {
            Counts c = modelCounts(rs);
            t.add(rs.getString("field"), rs.getString("holder_type"), rs.getString("origin"), c);
            t.byLevel.merge(rs.getString("level"), c, Counts::plus);
        });
        jdbc.query(proposalsSql, p, rs -> {
            Counts c = proposalCounts(rs);
            t.add(rs.getString("field"), rs.getString("holder_type"), rs.getString("origin"), c);
            t.recognizedByLevel.merge(rs.getString("level"), c.recognized(), Long::sum);
            t.byLevel.merge(rs.getString("level"), c, Counts::plus);
        });
        if (rollup && b.byPath()) {
            tuning.customPlansInThisTransaction(); // the commendations' units by path
        }
        List<Commended> commended = commendations(
                unit,
                q,
                List.of("count", unit.id(), own),
                () -> jdbc.query(
                        sql(COMMENDATIONS_SQL, COMMENDATION_KEYS, "", "", b),
                        p,
                        (rs, i) -> new Commended(
                                rs.getString("form"),
                                rs.getString("level"),
                                rs.getString("recipient_type"),
                                rs.getLong("n"))));
        commended.forEach(c -> t.commended(c.form(), c.issuerLevel(), c.recipientType(), c.n()));
        return t.report(unit, q);
    }

    /** The figures of a count as they are added up, row by row or part by part. */
    private static final class Tally {
        Counts total = Counts.ZERO;
        final Map<String, Counts> byField = zeros(Field.values());
        final Map<String, Counts> byHolder = zeros(HolderType.values());
        final Map<String, Counts> byOrigin = zeros(Origin.values());
        final Map<String, Counts> byLevel = zeros(Level.values());
        final Map<String, Long> recognizedByLevel = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> byForm = new LinkedHashMap<>();
        final Map<String, Map<String, Long>> byIssuerLevel = new LinkedHashMap<>();

        Tally() {
            for (Level l : Level.values()) {
                recognizedByLevel.put(l.name(), 0L);
                byIssuerLevel.put(l.name(), recipients());
            }
            for (CommendationForm f : CommendationForm.values()) {
                byForm.put(f.name(), recipients());
            }
        }

        void add(String field, String holder, String origin, Counts c) {
            total = total.plus(c);
            byField.merge(field, c, Counts::plus);
            byHolder.merge(holder, c, Counts::plus);
            byOrigin.merge(origin, c, Counts::plus);
        }

        /** {@code n} commendations of a recipient type, by form and by issuer's level (either may be null). */
        void commended(String form, String issuerLevel, String recipientType, long n) {
            if (form != null) {
                byForm.get(form).merge(recipientType, n, Long::sum);
            }
            if (issuerLevel != null) {
                byIssuerLevel.get(issuerLevel).merge(recipientType, n, Long::sum);
            }
        }

        StatisticsReport report(UnitRef unit, StatisticsQuery q) {
            Counts t = total;
            return new StatisticsReport(
                    unit.code(),
                    q.period() ? null : q.fromYear(),
                    q.period() ? q.fromYear() + "-" + q.toYear() : null,
                    t.registered(),
                    t.accepted(),
                    t.changesRequested(),
                    t.rejected(),
                    t.proposed(),
                    t.recognized(),
                    t.active(),
                    t.retired(),
                    byField,
                    byHolder,
                    byOrigin,
                    recognizedByLevel,
                    new StatisticsReport.CommendationCounts(byForm, byIssuerLevel),
                    byLevel,
                    null);
        }
    }

    /** The figures of one direct child of the counted unit (its whole subtree), for drill-down tables. */
    public record ChildCounts(UnitRef unit, Counts counts, long commendations) {}

    /**
     * Totals of each direct child of a unit, for drill-down tables: the same three queries as {@link #count}, each
     * grouped by the child whose subtree holds the row, so the figures of a child are those its own count gives.
     * The children are today's children, so the drill-down always counts within today's boundaries. The root's
     * children within today's boundaries are its areas: their parts of its count (see {@link #parts}).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<ChildCounts> byChild(Actor actor, StatisticsQuery q) {
        return byChild(scope(actor, q));
    }

    /** Commendations of one form, issuer's level and recipient type in a count. */
    private record Commended(String form, String issuerLevel, String recipientType, long n) {}

    /**
     * The commendations' part of a count of today's subtree, kept under a version of its own: commendations and
     * units are recorded in their area's row or everyone's ({@link vn.dvk.shared.AuditTrail#record}), never in a
     * year's row, so the year's registrations and appraisals of the deadline, which make the count itself miss, leave
     * this part to be read again from the cache instead of the database (2.5 s of PostgreSQL's 17 s in a mixed run:
     * docs/PERFORMANCE.md, fifteenth round). Only the span of years and the scope ({@code key}) matter: no filter
     * applies to commendations. The boundaries of the past are counted with the rest.
     */
    private <T> T commendations(UnitRef unit, StatisticsQuery q, List<?> key, Supplier<T> count) {
        if (q.boundary() != StatisticsQuery.Boundary.CURRENT) {
            return count.get();
        }
        List<Object> k = new ArrayList<>(key);
        k.add(q.fromYear());
        k.add(q.toYear());
        return cache.get(VersionedCache.PARTS, cache.version(unit.path(), DataVersions.NO_YEAR), k, count);
    }

    /** The drill-down of a scoped query (see {@link #byChild(Actor, StatisticsQuery)}). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<ChildCounts> byChild(Scoped s) {
        UnitRef unit = s.unit();
        StatisticsQuery q = s.q();
        // today's children, whatever the boundary: the version of today's subtree
        DataVersions.Version version =
                q.boundary() == StatisticsQuery.Boundary.CURRENT ? s.version() : cache.version(unit.path());
        if (composed(unit, q)) {
            return cache.getComposed(
                    VersionedCache.STATISTICS, version, List.of("children", unit.id(), q), () -> byChild(unit, q));
        }
        return cache.get(VersionedCache.STATISTICS, version, List.of("children", unit.id(), q), () -> byChild(unit, q));
    }

    private List<ChildCounts> byChild(UnitRef unit, StatisticsQuery q) {
        if (composed(unit, q)) {
            // the root's children are its areas: their parts of the root's count
            List<ChildCounts> out = new ArrayList<>();
            for (Part<StatisticsReport> part : parts(unit, q)) {
                if (!part.own()) {
                    out.add(new ChildCounts(
                            part.unit(),
                            part.value().totals(),
                            part.value().commendations().byForm().values().stream()
                                    .flatMap(m -> m.values().stream())
                                    .mapToLong(Long::longValue)
                                    .sum()));
                }
            }
            return out;
        }
        tuning.customPlansInThisTransaction();
        Bound b = bind(unit, q, false);
        MapSqlParameterSource p = b.params().addValue("parentPath", unit.path());
        // the same expression in the select list and the group by: the offset is written in, not bound
        String childKey = String.format(CHILD_KEY, unit.path().length() + 1);
        String[] filters = filters(q, p);
        Map<Long, Counts> counts = new HashMap<>();
        Map<Long, Long> commendations = new HashMap<>();
        jdbc.query(sql(MODELS_SQL, childKey, CHILD_JOIN, filters[0], b), p, rs -> {
            counts.merge(rs.getLong(1), modelCounts(rs), Counts::plus);
        });
        jdbc.query(sql(PROPOSALS_SQL, childKey, CHILD_JOIN, filters[1], b), p, rs -> {
            counts.merge(rs.getLong(1), proposalCounts(rs), Counts::plus);
        });
        commendations.putAll(commendations(unit, q, List.of("children", unit.id()), () -> {
            Map<Long, Long> byChild = new HashMap<>();
            jdbc.query(sql(COMMENDATIONS_SQL, childKey, CHILD_JOIN, "", b), p, rs -> {
                byChild.merge(rs.getLong(1), rs.getLong("n"), Long::sum);
            });
            return byChild;
        }));
        List<ChildCounts> out = new ArrayList<>();
        for (UnitRef child : units.children(unit)) {
            out.add(new ChildCounts(
                    child, counts.getOrDefault(child.id(), Counts.ZERO), commendations.getOrDefault(child.id(), 0L)));
        }
        return out;
    }

    /** The totals of each year of the query's span (one year: that year and the four before it), for trends. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Integer, Counts> byYear(Actor actor, StatisticsQuery q) {
        return byYear(scope(actor, q));
    }

    /** The trend of a scoped query (see {@link #byYear(Actor, StatisticsQuery)}). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Integer, Counts> byYear(Scoped s) {
        UnitRef unit = s.unit();
        StatisticsQuery q = s.q();
        DataVersions.Version version = s.version();
        if (q.boundary() == StatisticsQuery.Boundary.HISTORICAL) {
            // the boundaries of each year's end: a count per year
            Map<Integer, Counts> out = new LinkedHashMap<>();
            for (int y = firstYear(q); y <= q.toYear(); y++) {
                out.put(
                        y,
                        count(
                                        unit,
                                        new StatisticsQuery(q.unit(), y, y, false, q.level(), q.field(), q.boundary()),
                                        version)
                                .totals());
            }
            return out;
        }
        List<Object> key = List.of("years", unit.id(), q);
        if (composed(unit, q)) {
            return cache.getComposed(VersionedCache.STATISTICS, version, key, () -> {
                Map<Integer, Counts> out = new LinkedHashMap<>();
                for (Part<Map<Integer, Counts>> part :
                        parts(unit, q, "years", (u, uq, own) -> years(u, uq, true, own))) {
                    part.value().forEach((y, c) -> out.merge(y, c, Counts::plus));
                }
                return out;
            });
        }
        return cache.get(VersionedCache.STATISTICS, version, key, () -> years(unit, q, rollup(unit, q), false));
    }

    /** The first year of a trend: the span's, or for one year that year and the four before it. */
    private static int firstYear(StatisticsQuery q) {
        return q.period() ? q.fromYear() : Math.max(2009, q.fromYear() - 4);
    }

    /**
     * The totals of each year of the trend within today's boundaries, in two queries (models, proposals) grouped by
     * year and the attributes the counts test, rather than a count per year: each year's figures as
     * {@link #count} gives them for that year alone.
     */
    private Map<Integer, Counts> years(UnitRef unit, StatisticsQuery q, boolean rollup, boolean own) {
        if (rollup) {
            tuning.defaultPlansInThisTransaction();
        } else {
            tuning.customPlansInThisTransaction();
        }
        int from = firstYear(q);
        int to = q.toYear();
        Bound b = bind(
                unit, new StatisticsQuery(q.unit(), from, to, true, q.level(), q.field(), q.boundary()), false, own);
        MapSqlParameterSource p = b.params();
        String[] filters = filters(q, p);
        Map<Integer, Counts> out = new LinkedHashMap<>();
        for (int y = from; y <= to; y++) {
            out.put(y, Counts.ZERO);
        }
        jdbc.query(
                rollup
                        ? sql(MODEL_YEARS_ROLLUP_SQL, "", "", filters[0], b)
                        : sql(MODEL_YEARS_SQL, "", "", filters[0], b),
                p,
                rs -> {
                    int reg = rs.getInt("reg_year");
                    boolean submitted = rs.getInt("submitted") == 1;
                    String outcome = rs.getString("appraisal_outcome");
                    boolean changes = "CHANGES_REQUESTED".equals(rs.getString("status"));
                    int retiredYear = rs.getInt("retired_year");
                    boolean retired = !rs.wasNull();
                    long n = rs.getLong("n");
                    for (int y = Math.max(from, reg); y <= to; y++) {
                        boolean thatYear = reg == y;
                        out.merge(
                                y,
                                new Counts(
                                        thatYear && submitted ? n : 0,
                                        thatYear && "ACCEPT".equals(outcome) ? n : 0,
                                        thatYear && changes ? n : 0,
                                        thatYear && "REJECT".equals(outcome) ? n : 0,
                                        0,
                                        0,
                                        "ACCEPT".equals(outcome) && (!retired || retiredYear > y) ? n : 0,
                                        retired && retiredYear == y ? n : 0),
                                Counts::plus);
                    }
                });
        jdbc.query(
                rollup
                        ? sql(PROPOSAL_YEARS_ROLLUP_SQL, "", "", rollupFilter(filters[1]), b)
                        : sql(PROPOSAL_YEARS_SQL, "", "", filters[1], b),
                p,
                rs -> {
                    long n = rs.getLong("n");
                    out.merge(
                            rs.getInt("proposal_year"),
                            new Counts(0, 0, 0, 0, n, "RECOGNIZED".equals(rs.getString("status")) ? n : 0, 0, 0),
                            Counts::plus);
                });
        return out;
    }

    /**
     * The parameters of the three queries, with the unit's scope: today's subtree, or ({@code historical}) the
     * subtree as it was at the end of the span (see {@link UnitDirectory#scope}).
     */
    private Bound bind(UnitRef unit, StatisticsQuery q, boolean historical) {
        return bind(unit, q, historical, false);
    }

    private Bound bind(UnitRef unit, StatisticsQuery q, boolean historical, boolean own) {
        UnitScope scope = units.scope(unit, historical, LocalDate.of(q.toYear(), 12, 31));
        MapSqlParameterSource p = new MapSqlParameterSource();
        // today's subtree of the root is every unit: no condition to evaluate per row
        boolean everything = !historical && unit.parentId() == null;
        // in the boundaries of the past, each row is placed in the tree of its own business date
        String models = own
                ? "m.unit_id = :scopeArea"
                : everything
                        ? "1 = 1"
                        : !historical
                                ? scope.pathCondition("u.path", p)
                                : scope.conditionOn("m.unit_id", MODEL_DATE, p);
        String proposals = own
                ? "m.unit_id = :scopeArea"
                : everything
                        ? "1 = 1"
                        : !historical
                                ? scope.pathCondition("u.path", p)
                                : scope.conditionOn("m.unit_id", PROPOSAL_DATE, p);
        String commendations = own
                ? "c.unit_id = :scopeArea"
                : everything
                        ? "1 = 1"
                        : !historical
                                ? scope.pathCondition("u.path", p)
                                : scope.conditionOn("c.unit_id", "c.decision_date", p);
        // over the deltas: the root counts every area, an area itself ($ stands for the deltas' alias); the root's
        // own units are the area of the root's id
        String areas = unit.parentId() == null && !own ? "1 = 1" : "$.area_id = :scopeArea";
        return new Bound(
                p.addValue("from", q.fromYear())
                        .addValue("to", q.toYear())
                        .addValue("scopeArea", unit.id())
                        .addValue("first", Date.valueOf(LocalDate.of(q.fromYear(), 1, 1)))
                        .addValue("last", Date.valueOf(LocalDate.of(q.toYear(), 12, 31))),
                models,
                proposals,
                commendations,
                areas,
                !own && !everything);
    }

    /**
     * Whether the deltas answer this count: today's boundaries, for the root or one of its direct children (an
     * area: every unit below it counts under it). Deeper units and the boundaries of the past are counted from the
     * models.
     */
    static boolean rollup(UnitRef unit, StatisticsQuery q) {
        return q.boundary() != StatisticsQuery.Boundary.HISTORICAL
                && unit.path().split("/").length <= 3;
    }

    /** The proposals' filters over the deltas, whose columns all belong to the proposal row. */
    private static String rollupFilter(String proposalFilters) {
        return proposalFilters.replace("m.field", "p.field");
    }

    /** The parameters of one count and its scope conditions on models' and commendations' units. */
    private record Bound(
            MapSqlParameterSource params,
            String modelScope,
            String proposalScope,
            String commendationScope,
            String areaScope,
            boolean byPath) {}

    /** The optional field and level filters: [0] for the models query, [1] for the proposals query. */
    private static String[] filters(StatisticsQuery q, MapSqlParameterSource p) {
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
        return new String[] {modelFilters, proposalFilters};
    }

    /**
     * The business date of a row made at {@code timestamp} for {@code year}: that day, when it was made in its year
     * or before; a row entered after its year (a register kept on paper, typed in later) has no day of its own and is
     * placed on the scope's date ({@code :scopeAsOf}: the span's last day, or the unit's own last day), as every row
     * was before business dates counted.
     */
    private static String businessDate(String timestamp, String year) {
        return "(case when extract(year from " + timestamp + ") <= " + year + " then cast(" + timestamp + " as date)"
                + " else :scopeAsOf end)";
    }

    private static String sql(String template, String keys, String join, String filters, Bound b) {
        return template.replace("/*keys*/", keys)
                .replace("/*join*/", join)
                .replace("/*filters*/", filters)
                .replace("/*scope:m.unit_id*/", b.modelScope())
                .replace("/*scope:proposal*/", b.proposalScope())
                .replace("/*scope:c.unit_id*/", b.commendationScope())
                .replace("/*scope:m.area_id*/", b.areaScope().replace("$", "m"))
                .replace("/*scope:p.area_id*/", b.areaScope().replace("$", "p"));
    }

    private static Counts modelCounts(ResultSet rs) throws SQLException {
        return new Counts(
                rs.getLong("registered"),
                rs.getLong("accepted"),
                rs.getLong("changes_requested"),
                rs.getLong("rejected"),
                0,
                0,
                rs.getLong("active"),
                rs.getLong("retired"));
    }

    private static Counts proposalCounts(ResultSet rs) throws SQLException {
        return new Counts(0, 0, 0, 0, rs.getLong("proposed"), rs.getLong("recognized"), 0, 0);
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
