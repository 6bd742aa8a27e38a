package vn.dvk.model;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditEntry;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.shared.TextFolding;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The life of models: every transition checks who may make it (role and subtree), asks the aggregate
 * whether the move is legal, and appends to the audit trail in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class ModelRegistry {

    /** Subject type of model entries in the audit trail. */
    public static final String AUDIT_SUBJECT = "MODEL";

    private final Models models;
    private final Reviews reviews;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ModelRegistry(Models models, Reviews reviews, UnitDirectory units, AuditTrail audit,
                  NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.models = models;
        this.reviews = reviews;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public ModelView register(Actor actor, ModelRegistration r) {
        requireRole(actor, Role.REPORTER);
        UnitRef unit = checkRegistration(actor, r, null);
        DvkModel model = models.saveAndFlush(new DvkModel(r, unit.id(), actor.username(), clock.instant()));
        audit.record(actor.username(), AUDIT_SUBJECT, model.getId(), "CREATE", null, ModelStatus.DRAFT.name(), null);
        return view(model, unit);
    }

    @Transactional
    public ModelView edit(Actor actor, Long id, ModelRegistration r, Long expectedVersion) {
        requireRole(actor, Role.REPORTER);
        DvkModel model = visibleModel(actor, id);
        if (expectedVersion == null) {
            throw new Problems.Invalid("version", "validation.required");
        }
        if (expectedVersion != model.getVersion()) {
            throw new Problems.Conflict("model.version.stale", model.getVersion());
        }
        if (r.replicatedFromId() != null && r.replicatedFromId().equals(id)) {
            throw new Problems.Invalid("replicatedFromId", "model.origin.self");
        }
        UnitRef unit = checkRegistration(actor, r, model.getUnitId());
        DvkModel.Transition t = model.edit(r, unit.id(), clock.instant());
        record(actor, model, t, null);
        models.flush();
        return view(model, unit);
    }

    @Transactional
    public ModelView submit(Actor actor, Long id) {
        requireRole(actor, Role.REPORTER);
        DvkModel model = visibleModel(actor, id);
        record(actor, model, model.submit(clock.instant()), null);
        return flushAndView(model);
    }

    @Transactional
    public ModelView appraise(Actor actor, Long id, AppraisalDecision decision, String comment) {
        DvkModel model = visibleModel(actor, id);
        requireActingLevel(actor, Role.APPRAISER, model.getLevel());
        if (decision != AppraisalDecision.ACCEPT && (comment == null || comment.isBlank())) {
            throw new Problems.Invalid("comment", "appraisal.comment.required");
        }
        record(actor, model, model.appraise(decision, clock.instant()), comment);
        return flushAndView(model);
    }

    @Transactional
    public ModelView review(Actor actor, Long id, int year, ReviewOutcome outcome, String comment) {
        DvkModel model = visibleModel(actor, id);
        requireRole(actor, Role.APPRAISER);
        if (outcome == ReviewOutcome.RETIRE && (comment == null || comment.isBlank())) {
            throw new Problems.Invalid("comment", "review.comment.required");
        }
        if (reviews.existsByModelIdAndYear(id, year)) {
            throw new Problems.Conflict("review.duplicate", year);
        }
        DvkModel.Transition t = model.review(outcome, year, clock.instant());
        reviews.save(new Review(id, year, outcome, comment, actor.username(), clock.instant()));
        record(actor, model, t, comment);
        return flushAndView(model);
    }

    /**
     * Marks a model as proposed for recognition at a level; called by the recognition module inside its
     * transaction. Reporters and appraisers whose subtree holds the model may propose.
     */
    @Transactional
    public ModelView propose(Actor actor, Long id, Level level, String note) {
        DvkModel model = visibleModel(actor, id);
        if (!actor.hasRole(Role.REPORTER) && !actor.hasRole(Role.APPRAISER)) {
            throw new Problems.Forbidden("access.denied");
        }
        record(actor, model, model.propose(level, clock.instant()), note);
        return flushAndView(model);
    }

    /** Applies a recognition decision to a proposed model; called by the recognition module. */
    @Transactional
    public ModelView decide(Actor actor, Long id, boolean recognize, Level level, String comment) {
        DvkModel model = models.findById(id).orElseThrow(() -> new Problems.NotFound("model.notFound"));
        record(actor, model, model.decide(recognize, level, clock.instant()), comment);
        return flushAndView(model);
    }

    /** A model the actor may read, or 404. */
    public ModelView get(Actor actor, Long id) {
        DvkModel model = visibleModel(actor, id);
        return view(model, units.byId(model.getUnitId()).orElseThrow());
    }

    public List<AuditEntry> timeline(Actor actor, Long id) {
        visibleModel(actor, id);
        return audit.of(AUDIT_SUBJECT, id);
    }

    public List<Review> reviewsOf(Actor actor, Long id) {
        visibleModel(actor, id);
        return reviews.findByModelIdOrderByYearAsc(id);
    }

    /** Views of models by id, without access checks: for modules that checked access already. */
    public Map<Long, ModelView> viewsOf(Collection<Long> ids) {
        List<DvkModel> found = models.findAllById(ids);
        Map<Long, UnitRef> refs = units.byIds(found.stream().map(DvkModel::getUnitId).collect(Collectors.toSet()));
        return found.stream().collect(Collectors.toMap(DvkModel::getId, m -> view(m, refs.get(m.getUnitId()))));
    }

    /** The models the actor may see, filtered, newest change first; counted and paged in SQL. */
    public Page<ModelView> search(Actor actor, ModelFilter f, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(actor, f, p);
        long total = Optional.ofNullable(jdbc.queryForObject("select count(*)" + where, p, Long.class)).orElse(0L);
        p.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<Long> ids = total == 0 ? List.of() : jdbc.queryForList(
                "select m.id" + where + " order by m.updated_at desc, m.id desc limit :limit offset :offset",
                p, Long.class);
        Map<Long, ModelView> views = viewsOf(ids);
        List<ModelView> content = new ArrayList<>();
        ids.forEach(i -> content.add(views.get(i)));
        return new PageImpl<>(content, pageable, total);
    }

    /** Ids of models waiting for this actor, per kind of work, for "Việc cần làm". */
    public Map<String, List<ModelView>> inbox(Actor actor, int limit) {
        Map<String, List<ModelView>> out = new HashMap<>();
        if (actor.hasRole(Role.REPORTER)) {
            out.put("toSubmit", waiting(actor, EnumSet.of(ModelStatus.DRAFT, ModelStatus.CHANGES_REQUESTED), null, limit));
        }
        if (actor.hasRole(Role.APPRAISER)) {
            out.put("toAppraise", waiting(actor, EnumSet.of(ModelStatus.SUBMITTED), actor.unitLevel(), limit));
        }
        return out;
    }

    private List<ModelView> waiting(Actor actor, EnumSet<ModelStatus> statuses, Level actingLevel, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("prefix", actor.unitPath() + "%")
                .addValue("statuses", statuses.stream().map(Enum::name).toList())
                .addValue("limit", limit);
        String levelClause = "";
        if (actingLevel != null) {
            List<String> levels = new ArrayList<>();
            for (Level l : Level.values()) {
                if (actingLevel.atOrAbove(l)) {
                    levels.add(l.name());
                }
            }
            levelClause = " and m.level in (:levels)";
            p.addValue("levels", levels);
        }
        List<Long> ids = jdbc.queryForList("select m.id from model_model m join unit_unit u on u.id = m.unit_id"
                + " where u.path like :prefix and m.status in (:statuses)" + levelClause
                + " order by m.updated_at asc, m.id asc limit :limit", p, Long.class);
        Map<Long, ModelView> views = viewsOf(ids);
        return ids.stream().map(views::get).toList();
    }

    private DvkModel visibleModel(Actor actor, Long id) {
        DvkModel model = models.findById(id).orElseThrow(() -> new Problems.NotFound("model.notFound"));
        UnitRef unit = units.byId(model.getUnitId()).orElseThrow();
        if (!actor.covers(unit.path()) || (model.getStatus() == ModelStatus.DRAFT && !canSeeDrafts(actor))) {
            throw new Problems.NotFound("model.notFound");
        }
        return model;
    }

    /** Checks a registration; {@code currentUnitId} (on edit) may be a unit that has ended since. */
    private UnitRef checkRegistration(Actor actor, ModelRegistration r, Long currentUnitId) {
        UnitRef unit = units.inScope(actor, r.unitCode(), "unitCode");
        if (!unit.active() && !unit.id().equals(currentUnitId)) {
            throw new Problems.Invalid("unitCode", "unit.ended");
        }
        if (!r.level().atOrAbove(unit.level())) {
            throw new Problems.Invalid("level", "model.level.belowUnit");
        }
        if (r.origin() == Origin.REPLICATED) {
            if (r.replicatedFromId() == null) {
                throw new Problems.Invalid("replicatedFromId", "model.origin.required");
            }
            DvkModel origin = models.findById(r.replicatedFromId())
                    .filter(o -> o.getStatus() != ModelStatus.DRAFT)
                    .filter(o -> o.getRecognizedLevel() != null
                            || units.byId(o.getUnitId()).map(u -> actor.covers(u.path())).orElse(false))
                    .orElseThrow(() -> new Problems.Invalid("replicatedFromId", "model.origin.notFound"));
            if (origin.getAppraisalOutcome() != AppraisalDecision.ACCEPT) {
                throw new Problems.Invalid("replicatedFromId", "model.origin.notAccepted");
            }
        } else if (r.replicatedFromId() != null) {
            throw new Problems.Invalid("replicatedFromId", "model.origin.onlyForReplicas");
        }
        return unit;
    }

    private static boolean canSeeDrafts(Actor actor) {
        return actor.hasRole(Role.REPORTER) || actor.hasRole(Role.ADMIN);
    }

    /** The actor must hold the role, and its unit must be at the given level or above it. */
    public static void requireActingLevel(Actor actor, Role role, Level level) {
        requireRole(actor, role);
        if (!actor.unitLevel().atOrAbove(level)) {
            throw new Problems.Forbidden("access.levelTooLow");
        }
    }

    private static void requireRole(Actor actor, Role role) {
        if (!actor.hasRole(role)) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    private void record(Actor actor, DvkModel model, DvkModel.Transition t, String comment) {
        audit.record(actor.username(), AUDIT_SUBJECT, model.getId(), t.action(),
                t.from().name(), t.to().name(), comment);
    }

    private ModelView flushAndView(DvkModel model) {
        models.flush();
        return view(model, units.byId(model.getUnitId()).orElseThrow());
    }

    private static ModelView view(DvkModel m, UnitRef unit) {
        return new ModelView(m.getId(), m.getTitle(), m.getField(), unit.code(), unit.name(), m.getLevel(),
                m.getYear(), m.getHolderType(), m.getHolderName(), m.getOrigin(), m.getReplicatedFromId(),
                m.getSummary(), m.getStatus(), m.getVersion(), m.getRecognizedLevel(), m.getRetiredYear(),
                m.getCreatedBy(), m.getCreatedAt(), m.getUpdatedAt(), m.getSubmittedAt(), unit.path());
    }

    /**
     * Every model {@link #search} lists for these filters, in the same order, without paging: read through a
     * cursor and handed to {@code sink} one at a time, so that exports of any size run in constant memory.
     */
    public void forEachMatching(Actor actor, ModelFilter f, java.util.function.Consumer<ModelView> sink) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(actor, f, p);
        org.springframework.jdbc.core.JdbcTemplate cursor =
                new org.springframework.jdbc.core.JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        cursor.setFetchSize(500);
        new NamedParameterJdbcTemplate(cursor).query("select m.*, u.code as unit_code, u.name as unit_name,"
                + " u.path as unit_path" + where + " order by m.updated_at desc, m.id desc", p, rs -> {
                    sink.accept(new ModelView(rs.getLong("id"), rs.getString("title"), Field.valueOf(rs.getString("field")),
                            rs.getString("unit_code"), rs.getString("unit_name"), Level.valueOf(rs.getString("level")),
                            rs.getInt("reg_year"), HolderType.valueOf(rs.getString("holder_type")),
                            rs.getString("holder_name"), Origin.valueOf(rs.getString("origin")),
                            rs.getObject("replicated_from_id", Long.class), rs.getString("summary"),
                            ModelStatus.valueOf(rs.getString("status")), rs.getLong("version"),
                            rs.getString("recognized_level") == null ? null : Level.valueOf(rs.getString("recognized_level")),
                            rs.getObject("retired_year", Integer.class), rs.getString("created_by"),
                            instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "submitted_at"),
                            rs.getString("unit_path")));
                });
    }

    /** The {@code from … where …} of the model list for these filters, its parameters put into {@code p}. */
    private String where(Actor actor, ModelFilter f, MapSqlParameterSource p) {
        String prefix = actor.unitPath();
        if (f.unit() != null && !f.unit().isBlank()) {
            UnitRef unit = units.inScope(actor, f.unit(), "unit");
            prefix = unit.path();
        }
        StringBuilder where = new StringBuilder(" from model_model m join unit_unit u on u.id = m.unit_id"
                + " where u.path like :prefix");
        p.addValue("prefix", prefix + "%");
        if (!canSeeDrafts(actor)) {
            where.append(" and m.status <> 'DRAFT'");
        }
        if (f.field() != null) {
            where.append(" and m.field = :field");
            p.addValue("field", f.field().name());
        }
        if (f.status() != null) {
            where.append(" and m.status = :status");
            p.addValue("status", f.status().name());
        }
        if (f.level() != null) {
            where.append(" and m.level = :level");
            p.addValue("level", f.level().name());
        }
        if (f.year() != null) {
            where.append(" and m.reg_year = :year");
            p.addValue("year", f.year());
        }
        String q = TextFolding.fold(f.q());
        if (!q.isEmpty()) {
            where.append(" and m.search_text like :q escape '\\'");
            p.addValue("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    private static java.time.Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
