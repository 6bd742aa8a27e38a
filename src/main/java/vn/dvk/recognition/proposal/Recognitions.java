package vn.dvk.recognition.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.ProposalDecided;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/** Proposals for recognition, council scores and decisions. */
@NamedInterface("proposal")
@Service
@Transactional(readOnly = true)
public class Recognitions {

    private static final Pattern CRITERION = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final BigDecimal MAX_POINTS = new BigDecimal("1000");

    /** Subject type of proposal entries in the audit trail (sheets submitted and reopened, conflicts). */
    public static final String AUDIT_PROPOSAL = "PROPOSAL";

    /** One criterion and the points given. */
    public record Score(String criterion, BigDecimal points) {}

    private final Proposals proposals;
    private final ScoreSheets sheets;
    private final ModelRegistry models;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final RoundRules rounds;
    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    Recognitions(
            Proposals proposals,
            ScoreSheets sheets,
            ModelRegistry models,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            RoundRules rounds,
            AuditTrail audit,
            ApplicationEventPublisher events) {
        this.events = events;
        this.proposals = proposals;
        this.sheets = sheets;
        this.models = models;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rounds = rounds;
        this.audit = audit;
    }

    /** A recognition decided before the unit's records came into DVK: a model, a level, a year and the decision. */
    public record ImportedRecognition(
            Long modelId, Level level, int year, String decisionNumber, LocalDate decisionDate) {}

    /**
     * Records past recognitions of imported models (whose status the model module has already set by replaying their
     * proposals and decisions) as decided proposals, in the caller's transaction, pointing at their import; they
     * count in the statistics like any decision.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordImported(Actor actor, Long importId, List<ImportedRecognition> rows) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<MapSqlParameterSource> batch = new ArrayList<>();
        for (ImportedRecognition r : rows) {
            batch.add(new MapSqlParameterSource()
                    .addValue("model", r.modelId())
                    .addValue("level", r.level().name())
                    .addValue("year", r.year())
                    .addValue("by", actor.username())
                    .addValue("now", now)
                    .addValue("number", r.decisionNumber())
                    .addValue("date", r.decisionDate())
                    .addValue("import", importId));
        }
        for (int i = 0; i < batch.size(); i += 500) {
            jdbc.batchUpdate(
                    "insert into recognition_proposal (model_id, level, proposal_year, status, proposed_by,"
                            + " proposed_at, decision_number, decision_date, decided_by, decided_at, version, import_id)"
                            + " values (:model, :level, :year, 'RECOGNIZED', :by, :now, :number, :date, :by, :now, 0, :import)",
                    batch.subList(i, Math.min(batch.size(), i + 500)).toArray(MapSqlParameterSource[]::new));
        }
    }

    @Transactional
    public ProposalView propose(Actor actor, Long modelId, Level level, int year, String note) {
        ModelView model = models.get(actor, modelId);
        // before the checks that would tell what exists
        ProposalPolicy.requireRoles(actor, ProposalPolicy.Act.PROPOSE);
        if (year < model.year()) {
            throw new Problems.Invalid("year", "proposal.year.beforeRegistration");
        }
        if (proposals.existsByModelIdAndLevelAndYear(modelId, level, year)) {
            throw new Problems.Conflict("proposal.duplicate", year);
        }
        ModelView proposed = models.propose(actor, modelId, level, note);
        Proposal p = proposals.saveAndFlush(
                new Proposal(modelId, level, year, blankToNull(note), actor.username(), clock.instant()));
        rounds.joinOpenRound(p, model.unitPath());
        return view(p, proposed);
    }

    /**
     * A council member's sheet. For a proposal in a round the round's rules apply (see {@link RoundRules}):
     * the criteria are the codes of the round's set and the points stay within each criterion's maximum.
     */
    @Transactional
    public ProposalView score(Actor actor, Long proposalId, List<Score> scores, String comment) {
        Proposal p = visible(actor, proposalId);
        if (p.getRoundId() != null) {
            ProposalPolicy.require(actor, ProposalPolicy.Act.SCORE, p.getLevel(), true);
            p.requirePending();
            ScoreSheet sheet = rounds.sheet(actor, p, scores, comment);
            if (sheets.existsByProposalIdAndScorer(proposalId, actor.username())) {
                throw new Problems.Conflict("score.locked");
            }
            sheets.saveAndFlush(sheet);
            audit.record(
                    actor.username(),
                    AUDIT_PROPOSAL,
                    proposalId,
                    "SCORE_SUBMIT",
                    null,
                    null,
                    sheet.getPoints() + " = " + sheet.total());
            return view(p, models.viewsOf(List.of(p.getModelId())).get(p.getModelId()));
        }
        ProposalPolicy.require(actor, ProposalPolicy.Act.SCORE, p.getLevel(), false);
        p.requirePending();
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            String field = "scores[" + i + "]";
            if (s == null
                    || s.criterion() == null
                    || !CRITERION.matcher(s.criterion()).matches()) {
                throw new Problems.Invalid(field + ".criterion", "score.criterion.pattern");
            }
            if (s.points() == null
                    || s.points().signum() < 0
                    || s.points().compareTo(MAX_POINTS) > 0
                    || s.points().scale() > 2) {
                throw new Problems.Invalid(field + ".points", "score.points.range");
            }
            if (points.put(s.criterion(), s.points()) != null) {
                throw new Problems.Invalid(field + ".criterion", "score.criterion.duplicate");
            }
        }
        if (sheets.existsByProposalIdAndScorer(proposalId, actor.username())) {
            throw new Problems.Conflict("score.locked");
        }
        sheets.saveAndFlush(
                new ScoreSheet(proposalId, actor.username(), points, blankToNull(comment), clock.instant()));
        return view(p, models.get(actor, p.getModelId()));
    }

    @Transactional
    public ProposalView decide(
            Actor actor, Long proposalId, Decision decision, String number, LocalDate date, String comment) {
        return decide(actor, proposalId, decision, number, date, comment, null);
    }

    /**
     * A decision; while the proposal's round is open for public comment it is refused (409) unless it carries
     * {@code overrideReason}, which then goes to the audit trail.
     */
    @Transactional
    public ProposalView decide(
            Actor actor,
            Long proposalId,
            Decision decision,
            String number,
            LocalDate date,
            String comment,
            String overrideReason) {
        Proposal p = visible(actor, proposalId);
        ProposalPolicy.require(actor, ProposalPolicy.Act.DECIDE, p.getLevel(), false);
        p.requirePending();
        String override = rounds.requireCommentsClosed(p.getRoundId(), overrideReason);
        if (override != null) {
            audit.record(
                    actor.username(), AUDIT_PROPOSAL, proposalId, "DECIDE_DURING_PUBLIC_COMMENT", null, null, override);
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        if (decision == Decision.RECOGNIZE && (number == null || number.isBlank())) {
            errors.add(new Problems.FieldError("decisionNumber", "validation.required"));
        }
        if (decision == Decision.RECOGNIZE && date == null) {
            errors.add(new Problems.FieldError("decisionDate", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        p.decide(decision, blankToNull(number), date, blankToNull(comment), actor.username(), clock.instant());
        String trail = (decision == Decision.RECOGNIZE ? number + " " : "") + (comment == null ? "" : comment);
        ModelView model = models.decide(
                actor,
                p.getModelId(),
                decision == Decision.RECOGNIZE,
                p.getLevel(),
                trail.isBlank() ? null : trail.trim());
        proposals.flush();
        events.publishEvent(new ProposalDecided(
                p.getId(),
                model.id(),
                model.title(),
                model.createdBy(),
                p.getProposedBy(),
                decision,
                blankToNull(number),
                blankToNull(comment)));
        return view(p, model);
    }

    public ProposalView get(Actor actor, Long proposalId) {
        Proposal p = visible(actor, proposalId);
        return view(p, models.viewsOf(List.of(p.getModelId())).get(p.getModelId()));
    }

    public List<ProposalView> ofModel(Actor actor, Long modelId) {
        ModelView model = models.get(actor, modelId);
        return proposals.findByModelIdOrderByIdAsc(modelId).stream()
                .map(p -> view(p, model))
                .toList();
    }

    /** A recognition as the decision names it, which the public library shows: level, decision number and date. */
    public record Recognized(Level level, String decisionNumber, LocalDate decisionDate) {}

    /**
     * The recognitions of these models, oldest decision first, by model id; without access checks, for the public
     * library, which shows only models that are public.
     */
    public Map<Long, List<Recognized>> recognizedOf(Collection<Long> modelIds) {
        Map<Long, List<Recognized>> out = new HashMap<>();
        if (modelIds.isEmpty()) {
            return out;
        }
        proposals
                .findByModelIdInAndStatusOrderByDecisionDateAscIdAsc(modelIds, ProposalStatus.RECOGNIZED)
                .forEach(p -> out.computeIfAbsent(p.getModelId(), k -> new ArrayList<>())
                        .add(new Recognized(p.getLevel(), p.getDecisionNumber(), p.getDecisionDate())));
        return out;
    }

    public List<ScoreSheet> sheetsOf(Actor actor, Long proposalId) {
        visible(actor, proposalId);
        return sheets.findByProposalIdOrderByIdAsc(proposalId);
    }

    /**
     * Pending proposals this actor should decide (approver) or score (council member), oldest first. To score:
     * the proposals outside rounds that the model page offers a sheet for, and the proposals of open rounds
     * assigned to the member (not recused) whose sheet is not in yet, as the round's page offers them.
     */
    public Map<String, List<ProposalView>> inbox(Actor actor, int limit) {
        Map<String, List<ProposalView>> out = new LinkedHashMap<>();
        if (ProposalPolicy.mayAtAll(actor, ProposalPolicy.Act.DECIDE)) {
            out.put("toDecide", pending(actor, false, limit));
        }
        if (ProposalPolicy.mayAtAll(actor, ProposalPolicy.Act.SCORE)) {
            out.put("toScore", pending(actor, true, limit));
        }
        return out;
    }

    private List<ProposalView> pending(Actor actor, boolean unscoredOnly, int limit) {
        List<String> levels = new ArrayList<>();
        for (Level l : Level.values()) {
            if (actor.unitLevel().atOrAbove(l)) {
                levels.add(l.name());
            }
        }
        MapSqlParameterSource params = new MapSqlParameterSource("prefix", actor.unitPath() + "%")
                .addValue("levels", levels)
                .addValue("me", actor.username())
                .addValue("limit", limit);
        String sql = "select p.id from recognition_proposal p join model_record m on m.id = p.model_id"
                + " join unit_scope u on u.id = m.unit_id where p.status = 'PENDING' and u.path like :prefix"
                + " and p.level in (:levels)"
                + (unscoredOnly
                        ? " and p.round_id is null and not exists (select 1 from recognition_score_sheet s"
                                + " where s.proposal_id = p.id and s.scorer = :me)"
                        : "")
                + " order by p.proposed_at asc, p.id asc limit :limit";
        List<Long> ids = new ArrayList<>(jdbc.queryForList(sql, params, Long.class));
        if (unscoredOnly) {
            ids.addAll(rounds.sheetsWaiting(actor, limit));
        }
        Map<Long, Proposal> byId = new LinkedHashMap<>();
        proposals.findAllById(ids).forEach(p -> byId.put(p.getId(), p));
        List<Proposal> found =
                ids.stream().distinct().map(byId::get).limit(limit).toList();
        Map<Long, ModelView> views =
                models.viewsOf(found.stream().map(Proposal::getModelId).toList());
        return found.stream().map(p -> view(p, views.get(p.getModelId()))).toList();
    }

    /** The proposal, if the actor sees its model or sits on its round's council (else 404). */
    public Proposal visible(Actor actor, Long proposalId) {
        Proposal p = proposals.findById(proposalId).orElseThrow(() -> new Problems.NotFound("proposal.notFound"));
        if (rounds.isMember(p, actor)) {
            return p;
        }
        try {
            models.get(actor, p.getModelId());
        } catch (Problems.NotFound e) {
            throw new Problems.NotFound("proposal.notFound");
        }
        return p;
    }

    private ProposalView view(Proposal p, ModelView model) {
        List<ScoreSheet> s = sheets.findByProposalIdOrderByIdAsc(p.getId());
        if (p.getRoundId() != null) {
            s = rounds.counted(p.getId(), s);
        }
        BigDecimal mean = s.isEmpty()
                ? null
                : s.stream()
                        .map(ScoreSheet::total)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(s.size()), 2, RoundingMode.HALF_UP);
        return new ProposalView(
                p.getId(),
                p.getModelId(),
                model.title(),
                model.unitCode(),
                p.getLevel(),
                p.getYear(),
                p.getNote(),
                p.getStatus(),
                p.getProposedBy(),
                p.getProposedAt(),
                p.getDecisionNumber(),
                p.getDecisionDate(),
                p.getDecisionComment(),
                p.getDecidedBy(),
                s.size(),
                mean,
                p.getVersion(),
                p.getRoundId(),
                p.getCriteriaSetId(),
                rounds.methodOf(p.getRoundId()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
