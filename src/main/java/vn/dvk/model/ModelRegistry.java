package vn.dvk.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dvk.account.Accounts;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditEntry;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.DataSourceTuning;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.shared.TextFolding;
import vn.dvk.shared.VersionedCache;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The life of models: every transition checks who may make it (role and subtree), asks the aggregate
 * whether the move is legal, and appends to the audit trail in the same transaction.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(ModelProperties.class)
public class ModelRegistry {

    /** Subject type of model entries in the audit trail. */
    public static final String AUDIT_SUBJECT = "MODEL";

    private final Models models;
    private final Reviews reviews;
    private final UnitDirectory units;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final DataVersions versions;
    private final boolean postgres;
    private final VersionedCache cache;
    private final DataSourceTuning tuning;
    private final int yearsAhead;
    private final ModelMetrics metrics;
    private final Accounts accounts;
    private final List<SubmissionCheck> submissionChecks;
    private final ApplicationEventPublisher events;

    ModelRegistry(
            Models models,
            Reviews reviews,
            UnitDirectory units,
            AuditTrail audit,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            DataVersions versions,
            DataSourceTuning tuning,
            VersionedCache cache,
            ModelMetrics metrics,
            Accounts accounts,
            ModelProperties settings,
            List<SubmissionCheck> submissionChecks,
            ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.submissionChecks = List.copyOf(submissionChecks);
        this.yearsAhead = settings.yearsAhead();
        this.metrics = metrics;
        this.versions = versions;
        this.cache = cache;
        this.tuning = tuning;
        this.postgres = tuning.postgres();
        this.models = models;
        this.reviews = reviews;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public ModelView register(Actor actor, ModelRegistration r) {
        ModelPolicy.require(actor, ModelPolicy.Act.REGISTER, null);
        UnitRef unit = checkRegistration(actor, r, null);
        DvkModel model = models.saveAndFlush(new DvkModel(r, unit.id(), actor.username(), clock.instant()));
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                model.getId(),
                "CREATE",
                null,
                ModelStatus.DRAFT.name(),
                null,
                unit.path());
        metrics.transitioned("CREATE");
        return view(model, unit);
    }

    @Transactional
    public ModelView edit(Actor actor, Long id, ModelRegistration r, Long expectedVersion) {
        ModelPolicy.require(actor, ModelPolicy.Act.EDIT, null);
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
        if (!unit.id().equals(model.getUnitId())) {
            // moved to another unit: the area it leaves changes too
            units.byId(model.getUnitId()).ifPresent(old -> versions.touch(old.path()));
        }
        Dossier before = model.dossier();
        DvkModel.Transition t = model.edit(r, unit.id(), clock.instant());
        record(actor, model, t, dossierChanges(model.dossier().changedFrom(before)));
        models.flush();
        return view(model, unit);
    }

    /** The comment of an edit that changed dossier sections: which ones, as the printed form names them; else null. */
    private static String dossierChanges(List<DossierSection> changed) {
        return changed.isEmpty()
                ? null
                : "Hồ sơ đăng ký, sửa: "
                        + changed.stream().map(DossierSection::label).collect(Collectors.joining("; ")) + ".";
    }

    @Transactional
    public ModelView submit(Actor actor, Long id) {
        ModelPolicy.require(actor, ModelPolicy.Act.SUBMIT, null);
        Visible v = visible(actor, id);
        if (v.model().getStatus() == ModelStatus.DRAFT || v.model().getStatus() == ModelStatus.CHANGES_REQUESTED) {
            // the rules of other modules (campaigns) on the registration as it stands; the aggregate refuses the rest
            ModelView current = view(v.model(), v.unit());
            boolean again = v.model().getSubmittedAt() != null;
            submissionChecks.forEach(c -> c.beforeSubmit(current, again));
        }
        recordInYear(actor, v, v.model().submit(clock.instant()), null);
        return flushAndView(v);
    }

    @Transactional
    public ModelView appraise(Actor actor, Long id, AppraisalDecision decision, String comment) {
        Visible v = visible(actor, id);
        ModelPolicy.require(actor, ModelPolicy.Act.APPRAISE, v.model().getLevel());
        if (decision != AppraisalDecision.ACCEPT && (comment == null || comment.isBlank())) {
            throw new Problems.Invalid("comment", "appraisal.comment.required");
        }
        Instant at = clock.instant();
        recordInYear(actor, v, v.model().appraise(decision, at), comment);
        ModelView appraised = flushAndView(v);
        events.publishEvent(new ModelAppraised(
                appraised.id(),
                appraised.title(),
                appraised.unitCode(),
                appraised.createdBy(),
                decision,
                comment,
                actor.username(),
                at));
        return appraised;
    }

    @Transactional
    public ModelView review(Actor actor, Long id, int year, ReviewOutcome outcome, String comment) {
        DvkModel model = visibleModel(actor, id);
        ModelPolicy.require(actor, ModelPolicy.Act.REVIEW, model.getLevel());
        if (outcome == ReviewOutcome.RETIRE && (comment == null || comment.isBlank())) {
            throw new Problems.Invalid("comment", "review.comment.required");
        }
        if (reviews.existsByModelIdAndYear(id, year)) {
            throw new Problems.Conflict("review.duplicate", year);
        }
        Instant at = clock.instant();
        DvkModel.Transition t = model.review(outcome, year, at);
        reviews.save(new Review(id, year, outcome, comment, actor.username(), at));
        record(actor, model, t, comment);
        ModelView reviewed = flushAndView(model);
        events.publishEvent(new ModelReviewed(
                reviewed.id(),
                reviewed.title(),
                reviewed.unitCode(),
                reviewed.createdBy(),
                year,
                outcome,
                comment,
                actor.username(),
                at));
        return reviewed;
    }

    /**
     * Marks a model as proposed for recognition at a level; called by the recognition module inside its
     * transaction. Reporters and appraisers whose subtree holds the model may propose.
     */
    @Transactional
    public ModelView propose(Actor actor, Long id, Level level, String note) {
        DvkModel model = visibleModel(actor, id);
        ModelPolicy.require(actor, ModelPolicy.Act.PROPOSE, model.getLevel());
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
        Visible v = visible(actor, id);
        return view(v.model(), v.unit());
    }

    /**
     * A model's page: the model, its timeline, its reviews and, while it waits on changes, the latest request for
     * them (else null); with one access check in one transaction.
     */
    public record Detail(
            ModelView model, List<AuditEntry> timeline, List<Review> reviews, ChangeRequest changeRequest) {}

    public Detail detail(Actor actor, Long id) {
        Visible v = visible(actor, id);
        List<AuditEntry> timeline = audit.of(AUDIT_SUBJECT, id);
        ChangeRequest request = null;
        if (v.model().getStatus() == ModelStatus.CHANGES_REQUESTED) {
            request = timeline.stream()
                    .filter(e -> REQUEST_CHANGES.equals(e.getAction()))
                    .reduce((first, second) -> second)
                    .map(e -> changeRequest(e, accounts.namesOf(List.of(e.getActor()))))
                    .orElse(null);
        }
        return new Detail(view(v.model(), v.unit()), timeline, reviews.findByModelIdOrderByYearAsc(id), request);
    }

    /** The audit action of a request for changes. */
    private static final String REQUEST_CHANGES = "APPRAISE_" + AppraisalDecision.REQUEST_CHANGES.name();

    /**
     * The latest request for changes of each of these models that waits on changes now (CHANGES_REQUESTED), by model
     * id; for views the caller may see (no access check here).
     */
    public Map<Long, ChangeRequest> changeRequests(Collection<ModelView> views) {
        List<Long> waiting = views.stream()
                .filter(m -> m.status() == ModelStatus.CHANGES_REQUESTED)
                .map(ModelView::id)
                .toList();
        Map<Long, ChangeRequest> out = new HashMap<>();
        if (waiting.isEmpty()) {
            return out;
        }
        Map<Long, AuditEntry> latest = audit.latest(AUDIT_SUBJECT, waiting, REQUEST_CHANGES);
        Map<String, Accounts.ActorName> names = accounts.namesOf(
                latest.values().stream().map(AuditEntry::getActor).toList());
        latest.forEach((id, e) -> out.put(id, changeRequest(e, names)));
        return out;
    }

    private static ChangeRequest changeRequest(AuditEntry e, Map<String, Accounts.ActorName> names) {
        Accounts.ActorName who = names.get(e.getActor());
        return new ChangeRequest(
                e.getActor(),
                who == null ? e.getActor() : who.fullName(),
                who == null ? null : who.unitName(),
                e.getAt(),
                e.getComment());
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
        Map<Long, ModelView> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            models.flush(); // a writing transaction's changes of models, for the query below
        }
        // one query for the columns a view shows (not the entity, with its folded search text)
        jdbc.query(
                VIEW_COLUMNS + " from model_model m join unit_scope u on u.id = m.unit_id where m.id in (:ids)",
                new MapSqlParameterSource("ids", ids),
                rs -> {
                    ModelView v = viewRow(rs);
                    out.put(v.id(), v);
                });
        return out;
    }

    /**
     * The models the actor may see, filtered, newest change first; with {@code q}, those whose title or holder holds
     * every word first, then those whose summary completes them. Paged in SQL; counted up to {@link #COUNT_CAP}
     * (a longer list says "more than" instead of counting a whole country's models on every page).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Page<ModelView> search(Actor actor, ModelFilter f, Pageable pageable) {
        String scope = scope(actor, f);
        // a page is computed once per version of its scope's data: a write in the scope's area makes it miss
        DataVersions.Version version = f.year() == null ? cache.version(scope) : cache.version(scope, f.year());
        return cache.get(
                VersionedCache.PAGES,
                version,
                List.of(
                        "models",
                        scope,
                        ModelPolicy.maySeeDrafts(actor),
                        f,
                        pageable.getPageNumber(),
                        pageable.getPageSize()),
                () -> compute(actor, scope, f, pageable));
    }

    private CappedPage<ModelView> compute(Actor actor, String scope, ModelFilter f, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        // without a status filter, the country's count changes only when a model comes into or out of it
        return compute(scope, where(actor, scope, f, p), p, f.q(), pageable, f.status() == null);
    }

    /**
     * The public library (no sign-in): models recognized at some level and not retired, of one province's subtree
     * ({@code f.province()}, a unit code; unknown: nothing) or of the whole country, filtered, searched and paged as
     * {@link #search} does; {@code level} is the highest level of recognition. Not cached here: the public library
     * keeps its answers per version of what the public sees ({@code vn.dvk.showcase}).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Page<ModelView> searchPublic(PublicModelFilter f, Pageable pageable) {
        String scope;
        if (f.province() == null || f.province().isBlank()) {
            scope = units.byCode(UnitDirectory.ROOT_CODE).map(UnitRef::path).orElseThrow();
        } else {
            Optional<UnitRef> province = units.byCode(f.province().trim());
            if (province.isEmpty()) {
                return new CappedPage<>(List.of(), pageable, 0, false);
            }
            scope = province.get().path();
        }
        MapSqlParameterSource p = new MapSqlParameterSource();
        return compute(scope, publicWhere(scope, f, p), p, f.q(), pageable, false);
    }

    /** A public model (recognized, not retired), or empty for any other id, whatever exists behind it. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ModelView> publicModel(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(viewsOf(List.of(id)).get(id)).filter(ModelRegistry::isPublic);
    }

    /** Ids of every public model, newest change first, at most {@code limit} (for the sitemap). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<Long> publicIds(int limit) {
        return jdbc.queryForList(
                "select m.id from model_model m where " + PUBLIC + " order by " + LIST_ORDER + " limit :limit",
                new MapSqlParameterSource("limit", limit),
                Long.class);
    }

    /** The public models that replicate this one (its direct replicas), oldest first, at most {@code limit}. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<ModelView> publicReplicas(Long id, int limit) {
        List<Long> ids = jdbc.queryForList(
                "select m.id from model_model m where m.replicated_from_id = :id and " + PUBLIC
                        + " order by m.id limit :limit",
                new MapSqlParameterSource("id", id).addValue("limit", limit),
                Long.class);
        return inOrder(ids);
    }

    /** True for a model the public library shows: recognized at some level and not retired. */
    public static boolean isPublic(ModelView m) {
        return m.recognizedLevel() != null && m.status() != ModelStatus.RETIRED && m.retiredYear() == null;
    }

    /** The SQL of {@link #isPublic} on {@code model_model m}. */
    private static final String PUBLIC =
            "m.recognized_level is not null and m.status <> 'RETIRED'" + " and m.retired_year is null";

    private String publicWhere(String prefix, PublicModelFilter f, MapSqlParameterSource p) {
        StringBuilder where = new StringBuilder(subtree(prefix, p) + " and " + PUBLIC);
        if (f.field() != null) {
            where.append(" and m.field = :field");
            p.addValue("field", f.field().name());
        }
        if (f.level() != null) {
            where.append(" and m.recognized_level = :level");
            p.addValue("level", f.level().name());
        }
        if (f.year() != null) {
            where.append(" and m.reg_year = :year");
            p.addValue("year", f.year());
        }
        return where.toString();
    }

    private CappedPage<ModelView> compute(
            String scope, String where, MapSqlParameterSource p, String q, Pageable pageable, boolean countByMatches) {
        tuning.customPlansInThisTransaction();
        List<String> words = searchWords(q);
        String all = words.isEmpty() ? null : searchCondition(p, words, false);
        // a province's search (PostgreSQL, its area's models in their order through the index by area and date,
        // ix_model_model_area_order) is paged as the root's is: its count of matches kept per version of what
        // searches can find, its pages found in the list's order
        boolean inOrder = postgres && isArea(scope) && all != null && countByMatches;
        if (p.hasValue("prefix") && !inOrder) {
            return scoped(where, all, words.isEmpty() ? null : searchCondition(p, words, true), p, pageable);
        }
        String counted = all == null ? where : where + " and " + all;
        long total = countByMatches ? countOfMatches(counted, p) : count(counted, p, COUNT_CAP + 1);
        if (total == 0) {
            return new CappedPage<>(List.of(), pageable, 0, false);
        }
        int size = pageable.getPageSize();
        long offset = pageable.getOffset();
        List<Long> ids;
        if (words.isEmpty()) {
            ids = page(where, p, size, offset);
        } else {
            // many matches (the root's list, read in its order through an index): most pages are found by reading
            // the list in its order and testing each row, which stops after a page; few matches: the search index
            // finds them all, and they are sorted. Below the cap, a province's matches are read in its order too
            // when they are dense enough for a window of its list to hold the page (inWindow).
            boolean many = total > COUNT_CAP;
            String title = searchCondition(p, words, true);
            boolean titleInOrder = many;
            boolean restInOrder = many;
            // the title's matches, when counted (below the cap: exactly)
            long titleTotal = -1;
            if (!many && inOrder) {
                titleTotal = countOfMatches(where + " and " + title, p);
                long scopeSize = sizeOfScope(where, p);
                titleInOrder = inWindow(titleTotal, offset + size, scopeSize);
                restInOrder = inWindow(total - titleTotal, offset + size, scopeSize);
            }
            // the title's matches, in the list's order, then those of the summary only
            ids = new ArrayList<>(matches(where, title, p, size, offset, titleInOrder));
            if (ids.size() < size) {
                long titleMatches = !ids.isEmpty()
                        ? offset + ids.size()
                        : offset == 0
                                ? 0
                                : titleTotal >= 0 ? titleTotal : count(where + " and " + title, p, offset + 1);
                ids.addAll(matches(
                        where,
                        all + " and not (" + title + ")",
                        p,
                        size - ids.size(),
                        Math.max(0, offset - titleMatches),
                        restInOrder));
            }
        }
        return new CappedPage<>(inOrder(ids), pageable, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /**
     * A page of a scope below the root, and its total, in one statement. No index gives such a list in its order
     * ({@link #order}), so a page sorts every row of the scope that matches anyway: the same reading counts them
     * ({@code count(*) over ()}) instead of a second statement reading them again. With search words ({@code title}),
     * the models whose title or holder holds every word come first, each part in the list's order.
     */
    private CappedPage<ModelView> scoped(
            String where, String all, String title, MapSqlParameterSource p, Pageable pageable) {
        String matching = all == null ? where : where + " and " + all;
        String order = (title == null ? "" : "case when " + title + " then 0 else 1 end, ") + order(p);
        MapSqlParameterSource paged = new MapSqlParameterSource(p.getValues())
                .addValue("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        List<Long> ids = new ArrayList<>();
        long[] total = {0};
        jdbc.query(
                "select m.id, count(*) over () as total" + matching + " order by " + order
                        + " limit :limit offset :offset",
                paged,
                rs -> {
                    ids.add(rs.getLong(1));
                    total[0] = rs.getLong(2);
                });
        if (ids.isEmpty()) {
            // past the last page (or nothing matches): the total from a count of its own
            long n = pageable.getOffset() == 0 ? 0 : count(matching, p, COUNT_CAP + 1);
            return new CappedPage<>(List.of(), pageable, Math.min(n, COUNT_CAP), n > COUNT_CAP);
        }
        return new CappedPage<>(inOrder(ids), pageable, Math.min(total[0], COUNT_CAP), total[0] > COUNT_CAP);
    }

    /** The views of these models, in this order. */
    private List<ModelView> inOrder(List<Long> ids) {
        Map<Long, ModelView> views = viewsOf(ids);
        return ids.stream().map(views::get).toList();
    }

    /** The longest list counted exactly; beyond it the total says "more than". */
    public static final long COUNT_CAP = 1_000;

    /** How many rows of the list are read in its order, at most, looking for a page of matches. */
    private static final int WINDOW = 4_000;

    /** A page whose total may be capped at {@link #COUNT_CAP} ({@link #capped()}: there are more). */
    public static final class CappedPage<T> extends PageImpl<T> {
        /** Header of an API answer whose total is capped: there are more models than {@code totalElements}. */
        public static final String HEADER = "DVK-Total-Capped";

        private final boolean capped;

        CappedPage(List<T> content, Pageable pageable, long total, boolean capped) {
            super(content, pageable, total);
            this.capped = capped;
        }

        /** True when more rows match than {@link #getTotalElements()} says. */
        public boolean capped() {
            return capped;
        }

        /** The same page of the same list, its rows shown as {@code content} (one for each, in the same order). */
        public <U> CappedPage<U> withContent(List<U> content) {
            return new CappedPage<>(content, getPageable(), getTotalElements(), capped);
        }

        @Override
        public boolean hasNext() {
            return capped ? getNumberOfElements() == getSize() : super.hasNext();
        }

        @Override
        public boolean isLast() {
            return !hasNext();
        }
    }

    /**
     * The count of the country's list (up to {@link #COUNT_CAP}) for a filter without status: it changes only when a
     * model comes into or out of it, which moves {@link #matchVersion}; the appraisals, proposals and recognitions of
     * the deadline do not. Kept in the statistics cache (the page that asks for it is loading in the pages cache): a
     * search of the whole country counted 18,000–37,000 matches of the search index at each write anywhere
     * (27 ms a page that missed; docs/PERFORMANCE.md, eleventh round).
     */
    private long countOfMatches(String where, MapSqlParameterSource p) {
        return cache.get(
                VersionedCache.STATISTICS,
                matchVersion(),
                List.of("model-count", where, new HashMap<>(p.getValues())),
                () -> count(where, p, COUNT_CAP + 1));
    }

    /** The version of which models the country's counts can find (migration {@code model_match_version}). */
    private DataVersions.Version matchVersion() {
        return jdbc.getJdbcTemplate()
                .queryForObject(
                        "select version, changed_at from model_match_version where id = 1",
                        (rs, i) -> new DataVersions.Version(
                                rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant()));
    }

    /**
     * True when the first {@code wanted} of {@code matches} rows, spread evenly over a list of {@code scopeSize}, lie
     * within a quarter of the {@link #WINDOW}: reading the list in its order finds the page after a few hundred rows,
     * where sorting every match costs a read of each (a province's search for a word of 900 of its 14,600 models:
     * 8–11 ms sorted, 0.4 ms in order; docs/PERFORMANCE.md, seventeenth round). Otherwise a window would most
     * likely be read to its end in vain before the matches are sorted anyway.
     */
    static boolean inWindow(long matches, long wanted, long scopeSize) {
        return matches > 0 && wanted <= WINDOW && wanted * scopeSize <= matches * (WINDOW / 4);
    }

    /**
     * How many models the list has without its search words, up to {@link #SCOPE_CAP}: a province's tens of
     * thousands. Kept as {@link #countOfMatches} is, per version of which models the counts can find.
     */
    private long sizeOfScope(String where, MapSqlParameterSource p) {
        Map<String, Object> values = new HashMap<>(p.getValues());
        values.keySet().removeIf(k -> k.startsWith("ts"));
        return cache.get(
                VersionedCache.STATISTICS,
                matchVersion(),
                List.of("model-scope", where, values),
                () -> count(where, p, SCOPE_CAP));
    }

    /**
     * The largest list {@link #sizeOfScope} counts: beyond it no page of 20 among at most {@link #COUNT_CAP} matches
     * is dense enough for a window ({@link #inWindow}), so the rest need not be counted. A province holds some 15,000
     * models on the national dataset.
     */
    private static final long SCOPE_CAP = COUNT_CAP * (WINDOW / 4) / 20 + 1;

    /** How many rows match, counting no further than {@code limit}. */
    private long count(String where, MapSqlParameterSource p, long limit) {
        Long n = jdbc.queryForObject(
                "select count(*) from (select 1" + where + " limit " + limit + ") c", p, Long.class);
        return n == null ? 0 : n;
    }

    private List<Long> page(String where, MapSqlParameterSource p, int limit, long offset) {
        MapSqlParameterSource paged = new MapSqlParameterSource(p.getValues())
                .addValue("limit", limit)
                .addValue("offset", offset);
        return jdbc.queryForList(
                "select m.id" + where + " order by " + order(p) + " limit :limit offset :offset", paged, Long.class);
    }

    /**
     * The list's order, newest change first. Below the root it is written so that no index can serve it: PostgreSQL
     * would otherwise read the whole country's models in the order of {@code (updated_at desc, id desc)} and keep a
     * province's accepted models of one year as it met them (420–1,040 ms measured, instead of 8 ms through the units
     * of the subtree). The root's list, which has no scope condition, reads that index.
     */
    private static String order(MapSqlParameterSource p) {
        return p.hasValue("prefix") ? "coalesce(m.updated_at, m.updated_at) desc, m.id desc" : LIST_ORDER;
    }

    /** The list's order as an index serves it ({@code ix_model_model_updated}): newest change first. */
    private static final String LIST_ORDER = "m.updated_at desc, m.id desc";

    /**
     * A page of the rows of {@code where} that also meet {@code condition}. With {@code many} matches (the root's
     * list, read in its order through an index), the first {@link #WINDOW} rows of the list are read in its order and
     * tested; when they hold the page, that is it (they are the list's first rows, so the page is the same). Otherwise,
     * the whole list's matches are sorted. Only the root's list comes here: below it ({@link #scoped}) no index gives
     * the list in its order, and reading a window of it sorted the whole province's models first (116 ms a page on
     * the national dataset, against 7 ms to sort the matches the search index finds; docs/PERFORMANCE.md, tenth
     * round). A province's search comes here too on PostgreSQL ({@link #isArea}): its window is read through
     * the index by area and date (a common word's first page 18 ms → 0.3 ms; thirteenth round), and its other pages
     * sort the matches, as below the root.
     */
    private List<Long> matches(
            String where, String condition, MapSqlParameterSource p, int limit, long offset, boolean many) {
        if (many && offset + limit <= WINDOW) {
            MapSqlParameterSource paged = new MapSqlParameterSource(p.getValues())
                    .addValue("limit", limit)
                    .addValue("offset", offset)
                    .addValue("window", WINDOW);
            List<Long> ids = jdbc.queryForList(
                    "select m.id from (select m.*" + where
                            + " order by " + LIST_ORDER + " limit :window) m where " + condition
                            + " order by " + LIST_ORDER + " limit :limit offset :offset",
                    paged,
                    Long.class);
            if (ids.size() == limit) {
                return ids;
            }
        }
        return page(where + " and " + condition, p, limit, offset);
    }

    /**
     * The condition that every search word is a word of the model's title or holder ({@code titleOnly}), or of those
     * and its summary. PostgreSQL: full-text search on the indexed {@code search_vector} (the title's words weigh A).
     * H2: the same rule with {@code LIKE} on the folded columns, whose words are separated by single spaces.
     */
    private String searchCondition(MapSqlParameterSource p, List<String> words, boolean titleOnly) {
        if (postgres) {
            String name = titleOnly ? "tsTitle" : "tsAll";
            // lexemes as they are (the words are folded letters and digits): 'w1' & 'w2', or 'w1':A … for the title;
            // below the root, the area's lexeme too, so that the index finds only the area's matches
            String query = words.stream()
                    .map(w -> "'" + w + "'" + (titleOnly ? ":A" : ""))
                    .collect(Collectors.joining(" & "));
            Object area = p.hasValue("area") ? p.getValue("area") : null;
            p.addValue(name, area == null ? query : "'@" + area + "' & " + query);
            return "m.search_vector @@ cast(:" + name + " as tsquery)";
        }
        String text = titleOnly
                ? "concat(' ', m.search_text, ' ')"
                : "concat(' ', m.search_text, ' ', coalesce(m.search_body, ''), ' ')";
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            p.addValue("word" + i, "% " + words.get(i) + " %");
            clauses.add(text + " like :word" + i);
        }
        return String.join(" and ", clauses);
    }

    /** Ids of models waiting for this actor, per kind of work, for "Việc cần làm". */
    public Map<String, List<ModelView>> inbox(Actor actor, int limit) {
        Map<String, List<ModelView>> out = new HashMap<>();
        if (actor.hasRole(Role.REPORTER)) {
            out.put(
                    "toSubmit",
                    waiting(actor, EnumSet.of(ModelStatus.DRAFT, ModelStatus.CHANGES_REQUESTED), null, limit));
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
        List<Long> ids = jdbc.queryForList(
                "select m.id from model_model m join unit_scope u on u.id = m.unit_id"
                        + " where u.path like :prefix and m.status in (:statuses)" + levelClause
                        + " order by m.updated_at asc, m.id asc limit :limit",
                p,
                Long.class);
        return inOrder(ids);
    }

    private DvkModel visibleModel(Actor actor, Long id) {
        return visible(actor, id).model();
    }

    /** A model and its unit, looked up once for a whole transition. */
    private record Visible(DvkModel model, UnitRef unit) {}

    private Visible visible(Actor actor, Long id) {
        DvkModel model = models.findById(id).orElseThrow(() -> new Problems.NotFound("model.notFound"));
        UnitRef unit = units.byId(model.getUnitId()).orElseThrow();
        if (!ModelPolicy.maySee(actor, unit.path(), model.getStatus())) {
            throw new Problems.NotFound("model.notFound");
        }
        return new Visible(model, unit);
    }

    /** Checks a registration; {@code currentUnitId} (on edit) may be a unit that has ended since. */
    UnitRef checkRegistration(Actor actor, ModelRegistration r, Long currentUnitId) {
        if (r.year() != null && r.year() > latestYear()) {
            throw new Problems.Invalid("year", "model.year.notAfter", String.valueOf(latestYear()));
        }
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
                            || units.byId(o.getUnitId())
                                    .map(u -> actor.covers(u.path()))
                                    .orElse(false))
                    .orElseThrow(() -> new Problems.Invalid("replicatedFromId", "model.origin.notFound"));
            if (origin.getAppraisalOutcome() != AppraisalDecision.ACCEPT) {
                throw new Problems.Invalid("replicatedFromId", "model.origin.notAccepted");
            }
        } else if (r.replicatedFromId() != null) {
            throw new Problems.Invalid("replicatedFromId", "model.origin.onlyForReplicas");
        }
        return unit;
    }

    /**
     * The latest year a registration may name: this year and {@code dvk.model.years-ahead} more (1: a board registers
     * next year's models from the autumn on; 2099 is a typing mistake).
     */
    public int latestYear() {
        return LocalDate.now(clock).getYear() + yearsAhead;
    }

    private void record(Actor actor, DvkModel model, DvkModel.Transition t, String comment) {
        record(actor, new Visible(model, units.byId(model.getUnitId()).orElse(null)), t, comment);
    }

    /** The transition's audit entry; the data version of the model's area moves with it. */
    private void record(Actor actor, Visible v, DvkModel.Transition t, String comment) {
        audit.record(
                actor.username(),
                AUDIT_SUBJECT,
                v.model().getId(),
                t.action(),
                t.from().name(),
                t.to().name(),
                comment,
                v.unit() == null ? null : v.unit().path());
        metrics.transitioned(t.action());
    }

    /**
     * The audit entry of a transition that changes only the model's own state (its submission, its appraisal): only
     * the version of its area's models of its registration year moves, so the figures and lists of earlier years stay
     * cached (see {@code DataVersions}).
     */
    private void recordInYear(Actor actor, Visible v, DvkModel.Transition t, String comment) {
        audit.recordInYear(
                actor.username(),
                AUDIT_SUBJECT,
                v.model().getId(),
                t.action(),
                t.from().name(),
                t.to().name(),
                comment,
                v.unit() == null ? null : v.unit().path(),
                v.model().getYear());
        metrics.transitioned(t.action());
    }

    private ModelView flushAndView(Visible v) {
        models.flush();
        return view(v.model(), v.unit());
    }

    private ModelView flushAndView(DvkModel model) {
        models.flush();
        return view(model, units.byId(model.getUnitId()).orElseThrow());
    }

    private static ModelView view(DvkModel m, UnitRef unit) {
        return new ModelView(
                m.getId(),
                m.getTitle(),
                m.getField(),
                unit.code(),
                unit.name(),
                m.getLevel(),
                m.getYear(),
                m.getHolderType(),
                m.getHolderName(),
                m.getOrigin(),
                m.getReplicatedFromId(),
                m.getSummary(),
                m.dossier(),
                m.getStatus(),
                m.getVersion(),
                m.getRecognizedLevel(),
                m.getRetiredYear(),
                m.getCreatedBy(),
                m.getCreatedAt(),
                m.getUpdatedAt(),
                m.getSubmittedAt(),
                m.getExternalId(),
                unit.path());
    }

    /**
     * Every model {@link #search} lists for these filters, newest change first (a search's matches are not ranked
     * here), without paging: read through a cursor and handed to {@code sink} one at a time, so that exports of any
     * size run in constant memory.
     */
    public void forEachMatching(Actor actor, ModelFilter f, Consumer<ModelView> sink) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(actor, scope(actor, f), f, p)
                .replace(
                        " from model_model m where ",
                        " from model_model m join unit_scope u on u.id = m.unit_id where ");
        List<String> words = searchWords(f.q());
        if (!words.isEmpty()) {
            where += " and " + searchCondition(p, words, false);
        }
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        cursor.setFetchSize(500);
        new NamedParameterJdbcTemplate(cursor).query(VIEW_COLUMNS + where + " order by " + LIST_ORDER, p, rs -> {
            sink.accept(viewRow(rs));
        });
    }

    /** The columns of a {@link ModelView} ({@link #viewRow}), from {@code model_model m} joined with its unit ({@code unit_scope u}). */
    static final String VIEW_COLUMNS = "select m.id, m.title, m.field, m.level, m.reg_year,"
            + " m.holder_type, m.holder_name, m.origin, m.replicated_from_id, m.summary, m.status, m.version,"
            + " m.dossier_situation, m.dossier_goals, m.dossier_approach, m.dossier_area, m.dossier_forces,"
            + " m.dossier_resources, m.dossier_outputs, m.dossier_sustainability,"
            + " m.recognized_level, m.retired_year, m.created_by, m.created_at, m.updated_at, m.submitted_at, m.external_id,"
            + " u.code as unit_code, u.name as unit_name, u.path as unit_path";

    static ModelView viewRow(ResultSet rs) throws SQLException {
        return new ModelView(
                rs.getLong("id"),
                rs.getString("title"),
                Field.valueOf(rs.getString("field")),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                Level.valueOf(rs.getString("level")),
                rs.getInt("reg_year"),
                HolderType.valueOf(rs.getString("holder_type")),
                rs.getString("holder_name"),
                Origin.valueOf(rs.getString("origin")),
                rs.getObject("replicated_from_id", Long.class),
                rs.getString("summary"),
                new Dossier(
                        rs.getString("dossier_situation"),
                        rs.getString("dossier_goals"),
                        rs.getString("dossier_approach"),
                        rs.getString("dossier_area"),
                        rs.getString("dossier_forces"),
                        rs.getString("dossier_resources"),
                        rs.getString("dossier_outputs"),
                        rs.getString("dossier_sustainability")),
                ModelStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getString("recognized_level") == null ? null : Level.valueOf(rs.getString("recognized_level")),
                rs.getObject("retired_year", Integer.class),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                rs.getString("external_id"),
                rs.getString("unit_path"));
    }

    /** The path of the subtree a list reads: the filter's unit (which must be in the actor's), or the actor's own. */
    private String scope(Actor actor, ModelFilter f) {
        return f.unit() == null || f.unit().isBlank()
                ? actor.unitPath()
                : units.inScope(actor, f.unit(), "unit").path();
    }

    /** The {@code from … where …} of the model list over the subtree at {@code prefix} (see {@link #scope}), its parameters
     * put into {@code p}. */
    private String where(Actor actor, String prefix, ModelFilter f, MapSqlParameterSource p) {
        StringBuilder where = new StringBuilder(subtree(prefix, p));
        if (!ModelPolicy.maySeeDrafts(actor)) {
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
        return where.toString();
    }

    /**
     * The models of the subtree at {@code prefix}, as {@code " from … where <condition>"} (the parameters
     * {@code prefix} and {@code area} below the root). The root's subtree is every model: no join, no condition per
     * row, the list read in index order. A whole area (a province) on PostgreSQL: each model carries its area, kept by
     * triggers when it or its unit moves, and an index by area, year and status holds the list's columns, so no join
     * with the units (a province's list 1.6 → 0.6 ms, its search 28 → 13 ms; docs/PERFORMANCE.md, eleventh round).
     * Deeper: the units of the subtree by their path.
     */
    private String subtree(String prefix, MapSqlParameterSource p) {
        if (prefix.indexOf('/', 1) == prefix.length() - 1) {
            return " from model_model m where 1 = 1";
        }
        p.addValue("prefix", prefix + "%").addValue("area", DataVersions.areaOf(prefix));
        if (postgres && isArea(prefix)) {
            return " from model_model m where m.area_id = :area";
        }
        return " from model_model m join unit_scope u on u.id = m.unit_id where u.path like :prefix";
    }

    /** True for the path of a direct child of the root ({@code /1/5/}): an area, a province's whole subtree. */
    static boolean isArea(String path) {
        int second = path.indexOf('/', 1);
        return second > 0 && path.indexOf('/', second + 1) == path.length() - 1;
    }

    /** The words of a search, folded, each once, at most eight of at most 40 characters. */
    static List<String> searchWords(String q) {
        String w = TextFolding.words(q);
        if (w.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(w.split(" "))
                .map(x -> x.length() > 40 ? x.substring(0, 40) : x)
                .distinct()
                .limit(8)
                .toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
