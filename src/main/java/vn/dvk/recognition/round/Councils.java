package vn.dvk.recognition.round;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.account.Accounts;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.CouncilMemberAssigned;
import vn.dvk.recognition.criteria.CriteriaCatalogue;
import vn.dvk.recognition.criteria.CriteriaSet;
import vn.dvk.recognition.proposal.Decision;
import vn.dvk.recognition.proposal.Proposal;
import vn.dvk.recognition.proposal.ProposalStatus;
import vn.dvk.recognition.proposal.Proposals;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.recognition.proposal.RoundMethod;
import vn.dvk.recognition.proposal.ScoreSheet;
import vn.dvk.recognition.proposal.ScoreSheets;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * Rounds of recognition and their councils: the round gathers the pending proposals of its level and year
 * under its unit, its members are assigned proposals (conflicts of interest recused automatically), they
 * score, the results are ranked, and the approver decides in bulk through {@link Recognitions#decide}, so the
 * models, the audit trail and the statistics follow the same path as a single decision.
 */
@NamedInterface("round")
@Service
@Transactional(readOnly = true)
public class Councils {

    static final String AUDIT_ROUND = "ROUND";

    /**
     * A round as written by its organiser. {@code method} defaults to SCORE; a BALLOT round needs {@code passShare}
     * ("2/3", "0.5") and {@code quorum}, which a SCORE round ignores.
     */
    public record RoundDraft(
            String unitCode,
            Level level,
            Integer year,
            String title,
            LocalDate opensOn,
            LocalDate closesOn,
            Long criteriaSetId,
            CouncilScoring.Basis basis,
            String issuerBody,
            String parentBody,
            RoundMethod method,
            String passShare,
            Integer quorum) {

        /** A scoring round, as rounds were written before ballots. */
        public RoundDraft(
                String unitCode,
                Level level,
                Integer year,
                String title,
                LocalDate opensOn,
                LocalDate closesOn,
                Long criteriaSetId,
                CouncilScoring.Basis basis,
                String issuerBody,
                String parentBody) {
            this(
                    unitCode,
                    level,
                    year,
                    title,
                    opensOn,
                    closesOn,
                    criteriaSetId,
                    basis,
                    issuerBody,
                    parentBody,
                    null,
                    null,
                    null);
        }
    }

    /** A council member as the API shows it. */
    public record MemberView(String username, String fullName, String unitCode, String unitName) {}

    /** A member's task on a proposal. */
    public record AssignmentView(
            Long proposalId,
            String scorer,
            boolean recused,
            boolean autoRecused,
            String recusalReason,
            boolean submitted) {}

    /** One row of the ranked table. */
    public record ResultRow(
            Integer rank,
            Long proposalId,
            Long modelId,
            String modelTitle,
            String unitCode,
            String unitName,
            String field,
            int sheets,
            BigDecimal mean,
            BigDecimal normalisedMean,
            boolean passed,
            ProposalStatus status) {}

    /** A round as the API shows it. */
    public record RoundView(
            Long id,
            String unitCode,
            String unitName,
            Level level,
            int year,
            String title,
            LocalDate opensOn,
            LocalDate closesOn,
            Long criteriaSetId,
            String criteriaSetName,
            BigDecimal passThreshold,
            CouncilScoring.Basis basis,
            String issuerBody,
            String parentBody,
            List<MemberView> members,
            List<Long> proposalIds,
            String decisionNumber,
            LocalDate decisionDate,
            String decisionSigner,
            long version,
            RoundMethod method,
            String passShare,
            Integer quorum) {}

    /** The approver's bulk decision: the proposals to recognize (default: all that pass and are pending). */
    public record RoundDecision(
            String decisionNumber,
            LocalDate decisionDate,
            List<Long> recognize,
            Boolean declineOthers,
            String signerName,
            String overrideReason) {

        /** A decision that gives no reason to override an open public comment window. */
        public RoundDecision(
                String decisionNumber,
                LocalDate decisionDate,
                List<Long> recognize,
                Boolean declineOthers,
                String signerName) {
            this(decisionNumber, decisionDate, recognize, declineOthers, signerName, null);
        }
    }

    private final Rounds rounds;
    private final Assignments assignments;
    private final Proposals proposals;
    private final ScoreSheets sheets;
    private final CouncilBallots ballots;
    private final CriteriaCatalogue catalogue;
    private final Recognitions recognitions;
    private final ModelRegistry models;
    private final UnitDirectory units;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Councils(
            Rounds rounds,
            Assignments assignments,
            Proposals proposals,
            ScoreSheets sheets,
            CouncilBallots ballots,
            CriteriaCatalogue catalogue,
            Recognitions recognitions,
            ModelRegistry models,
            UnitDirectory units,
            Accounts accounts,
            AuditTrail audit,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            ApplicationEventPublisher events) {
        this.ballots = ballots;
        this.events = events;
        this.rounds = rounds;
        this.assignments = assignments;
        this.proposals = proposals;
        this.sheets = sheets;
        this.catalogue = catalogue;
        this.recognitions = recognitions;
        this.models = models;
        this.units = units;
        this.accounts = accounts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens a round and gathers the pending proposals of its level and year under its unit. */
    @Transactional
    public RoundView create(Actor actor, RoundDraft d) {
        RoundPolicy.requireRoles(actor, RoundPolicy.Act.CREATE);
        List<Problems.FieldError> errors = new ArrayList<>();
        UnitRef unit = null;
        if (d.unitCode() == null || d.unitCode().isBlank()) {
            errors.add(new Problems.FieldError("unitCode", "validation.required"));
        } else {
            unit = units.byCode(d.unitCode())
                    .filter(u -> actor.covers(u.path()))
                    .orElse(null);
            if (unit == null) {
                errors.add(new Problems.FieldError("unitCode", "unit.notFound"));
            }
        }
        if (d.level() == null) {
            errors.add(new Problems.FieldError("level", "validation.required"));
        } else if (unit != null && unit.level() != d.level()) {
            errors.add(new Problems.FieldError("level", "round.level.unit"));
        }
        if (d.year() == null || d.year() < 2009 || d.year() > 2100) {
            errors.add(new Problems.FieldError("year", d.year() == null ? "validation.required" : "model.year.range"));
        }
        if (d.opensOn() == null) {
            errors.add(new Problems.FieldError("opensOn", "validation.required"));
        }
        if (d.closesOn() == null) {
            errors.add(new Problems.FieldError("closesOn", "validation.required"));
        } else if (d.opensOn() != null && d.closesOn().isBefore(d.opensOn())) {
            errors.add(new Problems.FieldError("closesOn", "round.closesOn.beforeOpening"));
        }
        if (d.title() != null && d.title().length() > 500) {
            errors.add(new Problems.FieldError("title", "validation.maxLengthN", 500));
        }
        for (String[] f : new String[][] {{"issuerBody", d.issuerBody()}, {"parentBody", d.parentBody()}}) {
            if (f[1] != null && f[1].length() > 255) {
                errors.add(new Problems.FieldError(f[0], "validation.maxLengthN", 255));
            }
        }
        BallotCount.Share share = null;
        if (d.method() == RoundMethod.BALLOT) {
            share = BallotCount.Share.parse(d.passShare());
            if (share == null) {
                errors.add(new Problems.FieldError(
                        "passShare",
                        d.passShare() == null || d.passShare().isBlank()
                                ? "validation.required"
                                : "round.passShare.range"));
            }
            if (d.quorum() == null) {
                errors.add(new Problems.FieldError("quorum", "validation.required"));
            } else if (d.quorum() < 1 || d.quorum() > BallotCount.MAX_QUORUM) {
                errors.add(new Problems.FieldError("quorum", "round.quorum.range", BallotCount.MAX_QUORUM));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        if (rounds.existsByUnitIdAndLevelAndYear(unit.id(), d.level(), d.year())) {
            throw new Problems.Conflict("round.duplicate", d.year());
        }
        CriteriaSet set;
        if (d.criteriaSetId() != null) {
            UnitRef u = unit;
            set = catalogue.visible(actor, d.criteriaSetId());
            if (!catalogue.applies(set, u, d.level())) {
                throw new Problems.Invalid("criteriaSetId", "round.criteria.notApplicable");
            }
        } else {
            set = catalogue
                    .inForce(unit, d.level(), d.opensOn())
                    .orElseThrow(() -> new Problems.Invalid("criteriaSetId", "round.criteria.none"));
        }
        String title = d.title() == null || d.title().isBlank()
                ? "Xét công nhận mô hình \"Dân vận khéo\" cấp " + levelName(d.level()) + " năm " + d.year()
                : d.title().trim();
        Round draft = new Round(
                unit.id(),
                d.level(),
                d.year(),
                title,
                d.opensOn(),
                d.closesOn(),
                set.getId(),
                d.basis() == null ? CouncilScoring.Basis.NORMALISED : d.basis(),
                blankToNull(d.issuerBody()),
                blankToNull(d.parentBody()),
                actor.username(),
                clock.instant());
        if (share != null) {
            draft.voteByBallot(share, d.quorum());
        }
        Round round = rounds.saveAndFlush(draft);
        audit.record(
                actor.username(),
                AUDIT_ROUND,
                round.getId(),
                "ROUND_CREATE",
                null,
                null,
                share == null ? title : title + " (BALLOT " + share + ", quorum " + d.quorum() + ")");
        gather(round, unit);
        return view(round);
    }

    /** Gathers pending proposals that arrived after the round was opened (they also join when proposed). */
    @Transactional
    public RoundView gather(Actor actor, Long roundId) {
        Round round = managed(actor, roundId);
        round.requireUndecided();
        gather(round, units.byId(round.getUnitId()).orElseThrow());
        return view(round);
    }

    /** Adds SCORER users of the round unit's subtree to the council. */
    @Transactional
    public RoundView addMembers(Actor actor, Long roundId, List<String> usernames) {
        Round round = managed(actor, roundId);
        UnitRef unit = units.byId(round.getUnitId()).orElseThrow();
        if (usernames == null || usernames.isEmpty()) {
            throw new Problems.Invalid("usernames", "validation.required");
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        List<Round.Member> toAdd = new ArrayList<>();
        for (int i = 0; i < usernames.size(); i++) {
            String f = "usernames[" + i + "]";
            Accounts.UserSummary u = accounts.byUsername(usernames.get(i)).orElse(null);
            UnitRef memberUnit = u == null ? null : units.byCode(u.unitCode()).orElse(null);
            if (u == null || memberUnit == null || !unit.contains(memberUnit)) {
                errors.add(new Problems.FieldError(f, "round.member.notFound"));
            } else if (!u.enabled() || !u.roles().contains(Role.SCORER)) {
                errors.add(new Problems.FieldError(f, "round.member.notScorer"));
            } else {
                toAdd.add(new Round.Member(u.username(), u.fullName(), memberUnit.id(), memberUnit.path()));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        for (Round.Member m : toAdd) {
            if (round.addMember(m)) {
                audit.record(actor.username(), AUDIT_ROUND, roundId, "ROUND_MEMBER_ADD", null, null, m.getUsername());
            }
        }
        rounds.flush();
        return view(round);
    }

    /**
     * Assigns the round's proposals to its members: every member ({@code perProposal} null) or N members per
     * proposal, balanced; conflicted members are recused automatically. Existing assignments stay.
     */
    @Transactional
    public List<AssignmentView> assign(Actor actor, Long roundId, Integer perProposal) {
        Round round = managed(actor, roundId);
        round.requireUndecided();
        if (perProposal != null && (perProposal < 1 || perProposal > 100)) {
            throw new Problems.Invalid("perProposal", "round.perProposal.range");
        }
        if (round.getMembers().isEmpty()) {
            throw new Problems.Conflict("round.members.none");
        }
        List<Proposal> inRound = proposals.findByRoundIdOrderByIdAsc(roundId).stream()
                .filter(p -> p.getStatus() == ProposalStatus.PENDING)
                .toList();
        Map<Long, ModelView> views =
                models.viewsOf(inRound.stream().map(Proposal::getModelId).toList());
        List<Assignment> existing = assignments.findByRoundIdOrderByIdAsc(roundId);
        Set<String> present = new HashSet<>();
        Map<String, Integer> load = new HashMap<>();
        Set<Long> covered = new HashSet<>();
        for (Assignment a : existing) {
            present.add(a.getProposalId() + "|" + a.getScorer());
            if (!a.isRecused()) {
                load.merge(a.getScorer(), 1, Integer::sum);
                covered.add(a.getProposalId());
            }
        }
        List<CouncilAssignment.Member> members = round.getMembers().stream()
                .map(m -> new CouncilAssignment.Member(m.getUsername(), m.getUnitPath()))
                .toList();
        List<CouncilAssignment.Item> items = inRound.stream()
                .filter(p -> perProposal == null || !covered.contains(p.getId()))
                .map(p -> new CouncilAssignment.Item(
                        p.getId(), views.get(p.getModelId()).unitPath()))
                .toList();
        Map<String, Integer> given = new TreeMap<>();
        for (CouncilAssignment.Line line : CouncilAssignment.plan(items, members, perProposal, load)) {
            if (present.add(line.proposalId() + "|" + line.username())) {
                assignments.save(new Assignment(
                        roundId,
                        line.proposalId(),
                        line.username(),
                        line.autoRecused(),
                        line.autoRecused() ? "auto" : null));
                if (!line.autoRecused()) {
                    given.merge(line.username(), 1, Integer::sum);
                }
            }
        }
        assignments.flush();
        given.forEach((member, count) ->
                events.publishEvent(new CouncilMemberAssigned(roundId, round.getTitle(), member, count)));
        audit.record(
                actor.username(),
                AUDIT_ROUND,
                roundId,
                "ROUND_ASSIGN",
                null,
                null,
                perProposal == null ? "all" : String.valueOf(perProposal));
        return assignmentsOf(round);
    }

    /** A member declares a conflict of interest on a proposal; the member's sheet will not count. */
    @Transactional
    public AssignmentView declareConflict(Actor actor, Long roundId, Long proposalId, String reason) {
        Round round = visibleRound(actor, roundId);
        round.requireUndecided();
        if (round.member(actor.username()).isEmpty()) {
            throw new Problems.Forbidden("round.notMember");
        }
        Proposal p = inRound(round, proposalId);
        if (reason == null || reason.isBlank()) {
            throw new Problems.Invalid("reason", "round.conflict.reason");
        }
        if (round.isBallot()) {
            ballots.lockNominee(p.getId());
            if (ballots.hasVoted(p.getId(), actor.username())) {
                // the vote is in the counts without its voter: it can no longer be taken out
                throw new Problems.Conflict("ballot.conflictAfterVote");
            }
        }
        if (reason.length() > 1000) {
            throw new Problems.Invalid("reason", "validation.maxLengthN", 1000);
        }
        Assignment a = assignments
                .findByProposalIdAndScorer(p.getId(), actor.username())
                .orElseGet(() -> new Assignment(roundId, p.getId(), actor.username(), false, null));
        a.declareConflict(reason.trim());
        assignments.saveAndFlush(a);
        audit.record(
                actor.username(),
                Recognitions.AUDIT_PROPOSAL,
                p.getId(),
                "CONFLICT_DECLARE",
                null,
                null,
                reason.trim());
        return assignmentView(a, sheets.existsByProposalIdAndScorer(p.getId(), actor.username()));
    }

    /** The approver reopens a member's locked sheet: it is withdrawn (kept in the audit trail) to be sent again. */
    @Transactional
    public void reopenSheet(Actor actor, Long roundId, Long proposalId, String scorer, String reason) {
        Round round = visibleRound(actor, roundId);
        RoundPolicy.require(actor, RoundPolicy.Act.DECIDE, round.getLevel(), pathOf(round));
        round.requireUndecided();
        Proposal p = inRound(round, proposalId);
        if (reason == null || reason.isBlank()) {
            throw new Problems.Invalid("reason", "round.reopen.reason");
        }
        ScoreSheet sheet = sheets.findByProposalIdAndScorer(p.getId(), scorer == null ? "" : scorer.trim())
                .orElseThrow(() -> new Problems.Invalid("scorer", "round.sheet.notFound"));
        audit.record(
                actor.username(),
                Recognitions.AUDIT_PROPOSAL,
                p.getId(),
                "SCORE_REOPEN",
                null,
                null,
                sheet.getScorer() + ": " + sheet.getPoints() + " = " + sheet.total() + " — " + reason.trim());
        sheets.delete(sheet);
        sheets.flush();
    }

    /**
     * The ranked table of a round, for those who oversee it (approver, admin, appraiser or viewer of a unit
     * holding the round); members who only score do not see the others' results while scoring.
     */
    public List<ResultRow> results(Actor actor, Long roundId) {
        Round round = visibleRound(actor, roundId);
        RoundPolicy.require(actor, RoundPolicy.Act.SEE_RESULTS, round.getLevel(), pathOf(round));
        return results(round);
    }

    /** The count of a ballot round, for those who see its results; 409 for a scoring round. */
    public CouncilBallots.BallotResults ballotResults(Actor actor, Long roundId) {
        Round round = visibleRound(actor, roundId);
        RoundPolicy.require(actor, RoundPolicy.Act.SEE_RESULTS, round.getLevel(), pathOf(round));
        return ballots.count(round);
    }

    /** The path of the round's unit, which {@link RoundPolicy} reads. */
    String pathOf(Round round) {
        return units.byId(round.getUnitId()).orElseThrow().path();
    }

    /** SCORER users of the round unit's subtree who are not members yet, for the organiser's picker. */
    List<Accounts.UserSummary> candidates(Actor actor, Round round) {
        UnitRef unit = units.byId(round.getUnitId()).orElseThrow();
        return accounts.list(actor, PageRequest.of(0, 500)).getContent().stream()
                .filter(u -> u.enabled() && u.roles().contains(Role.SCORER))
                .filter(u -> round.member(u.username()).isEmpty())
                .filter(u -> units.byCode(u.unitCode()).map(unit::contains).orElse(false))
                .toList();
    }

    List<Assignment> assignmentRows(Round round) {
        return assignments.findByRoundIdOrderByIdAsc(round.getId());
    }

    /**
     * The bulk decision: recognizes the chosen proposals (by default those that pass) with one decision number
     * and date, each through {@link Recognitions#decide}; optionally declines the other pending ones.
     */
    @Transactional
    public List<ResultRow> decide(Actor actor, Long roundId, RoundDecision d) {
        Round round = visibleRound(actor, roundId);
        RoundPolicy.require(actor, RoundPolicy.Act.DECIDE, round.getLevel(), pathOf(round));
        round.requireUndecided();
        List<Problems.FieldError> errors = new ArrayList<>();
        if (d.decisionNumber() == null || d.decisionNumber().isBlank()) {
            errors.add(new Problems.FieldError("decisionNumber", "validation.required"));
        } else if (d.decisionNumber().length() > 64) {
            errors.add(new Problems.FieldError("decisionNumber", "validation.maxLengthN", 64));
        }
        if (d.decisionDate() == null) {
            errors.add(new Problems.FieldError("decisionDate", "validation.required"));
        }
        if (d.signerName() != null && d.signerName().length() > 255) {
            errors.add(new Problems.FieldError("signerName", "validation.maxLengthN", 255));
        }
        List<ResultRow> table = results(round);
        Map<Long, ResultRow> byId = new LinkedHashMap<>();
        table.forEach(r -> byId.put(r.proposalId(), r));
        List<Long> chosen = d.recognize() != null
                ? d.recognize()
                : table.stream()
                        .filter(r -> r.passed() && r.status() == ProposalStatus.PENDING)
                        .map(ResultRow::proposalId)
                        .toList();
        for (int i = 0; i < chosen.size(); i++) {
            ResultRow r = chosen.get(i) == null ? null : byId.get(chosen.get(i));
            if (r == null || r.status() != ProposalStatus.PENDING) {
                errors.add(new Problems.FieldError("recognize[" + i + "]", "round.decision.notPending"));
            }
        }
        boolean declineOthers = Boolean.TRUE.equals(d.declineOthers());
        if (errors.isEmpty() && chosen.isEmpty() && !declineOthers) {
            errors.add(new Problems.FieldError("recognize", "round.decision.empty"));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        String number = d.decisionNumber().trim();
        Set<Long> recognized = new HashSet<>(chosen);
        for (Long id : chosen) {
            recognitions.decide(
                    actor, id, Decision.RECOGNIZE, number, d.decisionDate(), round.getTitle(), d.overrideReason());
        }
        if (declineOthers) {
            for (ResultRow r : table) {
                if (!recognized.contains(r.proposalId()) && r.status() == ProposalStatus.PENDING) {
                    recognitions.decide(
                            actor, r.proposalId(), Decision.DECLINE, null, null, round.getTitle(), d.overrideReason());
                }
            }
        }
        String signer = d.signerName() == null || d.signerName().isBlank()
                ? actor.fullName()
                : d.signerName().trim();
        round.decide(number, d.decisionDate(), signer, actor.username(), clock.instant());
        rounds.flush();
        audit.record(actor.username(), AUDIT_ROUND, roundId, "ROUND_DECIDE", null, null, number + ": " + chosen.size());
        return results(round);
    }

    public RoundView get(Actor actor, Long roundId) {
        return view(visibleRound(actor, roundId));
    }

    /** Rounds the actor may see: those of units in its subtree, and those it sits on; newest first. */
    public List<RoundView> list(Actor actor) {
        List<Long> ids = jdbc.queryForList(
                "select r.id from recognition_round r join unit_scope u on u.id = r.unit_id"
                        + " where u.path like :prefix or exists (select 1 from recognition_round_member m"
                        + " where m.round_id = r.id and m.username = :me) order by r.round_year desc, r.id desc",
                new MapSqlParameterSource("prefix", actor.unitPath() + "%").addValue("me", actor.username()),
                Long.class);
        Map<Long, Round> found = new HashMap<>();
        rounds.findAllById(ids).forEach(r -> found.put(r.getId(), r));
        return ids.stream().map(found::get).map(this::view).toList();
    }

    public List<AssignmentView> assignments(Actor actor, Long roundId) {
        return assignmentsOf(visibleRound(actor, roundId));
    }

    /** True when the actor may organise the round (members, assignment). */
    public boolean canOrganise(Actor actor, Long roundId) {
        return rounds.findById(roundId)
                .filter(r -> RoundPolicy.allows(actor, RoundPolicy.Act.ORGANISE, r.getLevel(), pathOf(r)))
                .isPresent();
    }

    /** The round's criteria set. */
    CriteriaSet criteriaOf(Round round) {
        return catalogue.entity(round.getCriteriaSetId());
    }

    Round visibleRound(Actor actor, Long roundId) {
        Round round = rounds.findById(roundId).orElseThrow(() -> new Problems.NotFound("round.notFound"));
        if (!RoundPolicy.maySee(
                actor, pathOf(round), round.member(actor.username()).isPresent())) {
            throw new Problems.NotFound("round.notFound");
        }
        return round;
    }

    List<ResultRow> results(Round round) {
        if (round.isBallot()) {
            // no ranks, no points: the ballots passed by the members voting, in the order of the nominees
            return ballots.count(round).nominees().stream()
                    .map(n -> new ResultRow(
                            null,
                            n.proposalId(),
                            n.modelId(),
                            n.modelTitle(),
                            n.unitCode(),
                            n.unitName(),
                            n.field(),
                            n.voting(),
                            null,
                            null,
                            n.outcome() == BallotCount.Outcome.PASSED,
                            n.status()))
                    .toList();
        }
        CriteriaSet set = criteriaOf(round);
        List<Proposal> inRound = proposals.findByRoundIdOrderByIdAsc(round.getId());
        List<Long> ids = inRound.stream().map(Proposal::getId).toList();
        Set<String> counting = new HashSet<>();
        assignments.findByRoundIdOrderByIdAsc(round.getId()).stream()
                .filter(a -> !a.isRecused())
                .forEach(a -> counting.add(a.getProposalId() + "|" + a.getScorer()));
        List<CouncilScoring.Sheet> counted = ids.isEmpty()
                ? List.of()
                : sheets.findByProposalIdInOrderByIdAsc(ids).stream()
                        .filter(s -> counting.contains(s.getProposalId() + "|" + s.getScorer()))
                        .map(s -> new CouncilScoring.Sheet(s.getProposalId(), s.getScorer(), s.total()))
                        .toList();
        Map<Long, Proposal> byId = new HashMap<>();
        inRound.forEach(p -> byId.put(p.getId(), p));
        Map<Long, ModelView> views =
                models.viewsOf(inRound.stream().map(Proposal::getModelId).toList());
        return CouncilScoring.results(ids, counted, set.getPassThreshold(), round.getBasis()).stream()
                .map(r -> {
                    Proposal p = byId.get(r.proposalId());
                    ModelView m = views.get(p.getModelId());
                    return new ResultRow(
                            r.rank(),
                            p.getId(),
                            m.id(),
                            m.title(),
                            m.unitCode(),
                            m.unitName(),
                            m.field().name(),
                            r.sheets(),
                            r.mean(),
                            r.normalisedMean(),
                            r.passed(),
                            p.getStatus());
                })
                .toList();
    }

    List<Proposal> proposalsOf(Round round) {
        return proposals.findByRoundIdOrderByIdAsc(round.getId());
    }

    Map<Long, ModelView> modelsOf(List<Proposal> ps) {
        return models.viewsOf(ps.stream().map(Proposal::getModelId).toList());
    }

    List<ScoreSheet> sheetsOf(Round round) {
        List<Long> ids = proposalsOf(round).stream().map(Proposal::getId).toList();
        return ids.isEmpty() ? List.of() : sheets.findByProposalIdInOrderByIdAsc(ids);
    }

    private void gather(Round round, UnitRef unit) {
        List<Long> ids = jdbc.queryForList(
                "select p.id from recognition_proposal p"
                        + " join model_record m on m.id = p.model_id join unit_scope u on u.id = m.unit_id"
                        + " where p.status = 'PENDING' and p.round_id is null and p.level = :level"
                        + " and p.proposal_year = :year and u.path like :prefix order by p.id",
                new MapSqlParameterSource("level", round.getLevel().name())
                        .addValue("year", round.getYear())
                        .addValue("prefix", unit.path() + "%"),
                Long.class);
        proposals.findAllById(ids).forEach(p -> p.joinRound(round.getId(), round.getCriteriaSetId()));
        proposals.flush();
    }

    private Proposal inRound(Round round, Long proposalId) {
        return proposals
                .findById(proposalId == null ? -1L : proposalId)
                .filter(p -> round.getId().equals(p.getRoundId()))
                .orElseThrow(() -> new Problems.Invalid("proposalId", "round.proposal.notInRound"));
    }

    private Round managed(Actor actor, Long roundId) {
        RoundPolicy.requireRoles(actor, RoundPolicy.Act.ORGANISE);
        Round round = visibleRound(actor, roundId);
        RoundPolicy.require(actor, RoundPolicy.Act.ORGANISE, round.getLevel(), pathOf(round));
        return round;
    }

    private List<AssignmentView> assignmentsOf(Round round) {
        Set<String> submitted = new HashSet<>();
        sheetsOf(round).forEach(s -> submitted.add(s.getProposalId() + "|" + s.getScorer()));
        return assignments.findByRoundIdOrderByIdAsc(round.getId()).stream()
                .map(a -> assignmentView(a, submitted.contains(a.getProposalId() + "|" + a.getScorer())))
                .toList();
    }

    private static AssignmentView assignmentView(Assignment a, boolean submitted) {
        return new AssignmentView(
                a.getProposalId(),
                a.getScorer(),
                a.isRecused(),
                a.isAutoRecused(),
                a.isAutoRecused() ? null : a.getRecusalReason(),
                submitted);
    }

    RoundView view(Round r) {
        UnitRef unit = units.byId(r.getUnitId()).orElseThrow();
        CriteriaSet set = criteriaOf(r);
        Map<Long, UnitRef> memberUnits =
                units.byIds(r.getMembers().stream().map(Round.Member::getUnitId).toList());
        List<MemberView> members = r.getMembers().stream()
                .map(m -> new MemberView(
                        m.getUsername(),
                        m.getFullName(),
                        memberUnits.get(m.getUnitId()).code(),
                        memberUnits.get(m.getUnitId()).name()))
                .toList();
        return new RoundView(
                r.getId(),
                unit.code(),
                unit.name(),
                r.getLevel(),
                r.getYear(),
                r.getTitle(),
                r.getOpensOn(),
                r.getClosesOn(),
                set.getId(),
                set.getName(),
                set.getPassThreshold(),
                r.getBasis(),
                r.getIssuerBody(),
                r.getParentBody(),
                members,
                proposalsOf(r).stream().map(Proposal::getId).toList(),
                r.getDecisionNumber(),
                r.getDecisionDate(),
                r.getDecisionSigner(),
                r.getVersion(),
                r.getMethod(),
                r.isBallot() ? r.passShare().toString() : null,
                r.getQuorum());
    }

    /** "tỉnh", "huyện"…: the level as it reads in a title. */
    static String levelName(Level level) {
        return switch (level) {
            case CENTRAL -> "trung ương";
            case PROVINCE -> "tỉnh";
            case DISTRICT -> "huyện";
            case COMMUNE -> "xã";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
