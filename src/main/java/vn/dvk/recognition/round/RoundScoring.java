package vn.dvk.recognition.round;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.recognition.criteria.CriteriaPoints;
import vn.dvk.recognition.criteria.CriteriaSet;
import vn.dvk.recognition.criteria.CriteriaSets;
import vn.dvk.recognition.proposal.Proposal;
import vn.dvk.recognition.proposal.Proposals;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.recognition.proposal.RoundMethod;
import vn.dvk.recognition.proposal.RoundRules;
import vn.dvk.recognition.proposal.ScoreSheet;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;

/**
 * The rules a score sheet of a proposal in a round must follow: the member is assigned and not recused, the
 * round is open, every criterion of the round's set is scored once within [0, max], and a comment explains
 * any criterion scored below the set's comment threshold. Used by {@link Recognitions#score}.
 */
@Component
public class RoundScoring implements RoundRules {

    private final Rounds rounds;
    private final Assignments assignments;
    private final CriteriaSets sets;
    private final Proposals proposals;
    private final UnitDirectory units;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final CommentWindows windows;

    RoundScoring(
            Rounds rounds,
            Assignments assignments,
            CriteriaSets sets,
            Proposals proposals,
            UnitDirectory units,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            CommentWindows windows) {
        this.windows = windows;
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.assignments = assignments;
        this.sets = sets;
        this.proposals = proposals;
        this.units = units;
        this.clock = clock;
    }

    /** True when the actor sits on the council of the proposal's round. */
    @Override
    public boolean isMember(Proposal p, Actor actor) {
        return p.getRoundId() != null
                && rounds.findById(p.getRoundId())
                        .flatMap(r -> r.member(actor.username()))
                        .isPresent();
    }

    /** True when the user sits on the council of the round. */
    @Override
    public boolean isMember(Long roundId, String username) {
        return rounds.findById(roundId).flatMap(r -> r.member(username)).isPresent();
    }

    /** How the round concludes on its nominees (scores or a ballot); null without a round. */
    @Override
    public RoundMethod methodOf(Long roundId) {
        return roundId == null
                ? null
                : rounds.findById(roundId).map(Round::getMethod).orElse(null);
    }

    /** Checks a member's sheet and builds it, with its weighted total. */
    @Override
    public ScoreSheet sheet(Actor actor, Proposal p, List<Recognitions.Score> scores, String comment) {
        Round round = rounds.findById(p.getRoundId()).orElseThrow();
        round.requireMethod(RoundMethod.SCORE);
        round.requireOpenForScoring(LocalDate.now(clock));
        if (round.member(actor.username()).isEmpty()) {
            throw new Problems.Forbidden("round.notMember");
        }
        Assignment a = assignments
                .findByProposalIdAndScorer(p.getId(), actor.username())
                .orElseThrow(() -> new Problems.Forbidden("round.notAssigned"));
        if (a.isRecused()) {
            throw new Problems.Conflict("round.recused");
        }
        CriteriaSet set = sets.findById(p.getCriteriaSetId()).orElseThrow();
        Map<String, CriteriaSet.Criterion> byCode = new LinkedHashMap<>();
        set.getCriteria().forEach(c -> byCode.put(c.getCode(), c));
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        List<Problems.FieldError> errors = new ArrayList<>();
        boolean low = false;
        for (int i = 0; i < scores.size(); i++) {
            Recognitions.Score s = scores.get(i);
            String f = "scores[" + i + "]";
            CriteriaSet.Criterion c = s == null || s.criterion() == null
                    ? null
                    : byCode.get(s.criterion().trim());
            if (c == null) {
                errors.add(new Problems.FieldError(
                        f + ".criterion", "score.criterion.unknown", String.join(", ", byCode.keySet())));
                continue;
            }
            if (points.containsKey(c.getCode())) {
                errors.add(new Problems.FieldError(f + ".criterion", "score.criterion.duplicate"));
                continue;
            }
            if (s.points() == null
                    || s.points().signum() < 0
                    || s.points().compareTo(c.getMaxPoints()) > 0
                    || s.points().scale() > 2) {
                errors.add(new Problems.FieldError(
                        f + ".points",
                        "score.points.max",
                        c.getCode(),
                        c.getMaxPoints().stripTrailingZeros().toPlainString()));
                continue;
            }
            points.put(c.getCode(), s.points());
            if (s.points().compareTo(c.getMaxPoints().multiply(set.getCommentBelowRatio())) < 0) {
                low = true;
            }
        }
        if (errors.isEmpty() && points.size() < byCode.size()) {
            List<String> missing =
                    byCode.keySet().stream().filter(k -> !points.containsKey(k)).toList();
            errors.add(new Problems.FieldError("scores", "score.criterion.missing", String.join(", ", missing)));
        }
        if (errors.isEmpty() && low && (comment == null || comment.isBlank())) {
            errors.add(new Problems.FieldError(
                    "comment",
                    "score.comment.required",
                    set.getCommentBelowRatio()
                            .multiply(BigDecimal.valueOf(100))
                            .stripTrailingZeros()
                            .toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        BigDecimal total = CriteriaPoints.total(set.scoringCriteria(), points);
        return new ScoreSheet(
                p.getId(),
                actor.username(),
                points,
                total,
                comment == null || comment.isBlank() ? null : comment.trim(),
                clock.instant());
    }

    /** The sheets that count: those of members assigned to the proposal and not recused. */
    @Override
    public List<ScoreSheet> counted(Long proposalId, List<ScoreSheet> all) {
        Set<String> scorers = new HashSet<>();
        assignments.findByProposalIdOrderByIdAsc(proposalId).stream()
                .filter(a -> !a.isRecused())
                .forEach(a -> scorers.add(a.getScorer()));
        return all.stream().filter(s -> scorers.contains(s.getScorer())).toList();
    }

    /**
     * Proposals of rounds open today that are assigned to the member, not recused and not scored by the member
     * yet: exactly the sheets the round's page offers.
     */
    @Override
    public List<Long> sheetsWaiting(Actor actor, int limit) {
        return jdbc.queryForList(
                "select p.id from recognition_proposal p"
                        + " join recognition_round r on r.id = p.round_id"
                        + " join recognition_assignment a on a.proposal_id = p.id and a.scorer = :me and a.recused = false"
                        + " where p.status = 'PENDING' and r.decision_number is null"
                        + " and r.opens_on <= :today and r.closes_on >= :today"
                        + " and exists (select 1 from recognition_round_member m where m.round_id = r.id and m.username = :me)"
                        + " and not exists (select 1 from recognition_score_sheet s where s.proposal_id = p.id"
                        + " and s.scorer = :me) and not exists (select 1 from recognition_ballot_voter v"
                        + " where v.proposal_id = p.id and v.voter = :me) order by p.proposed_at asc, p.id asc limit :limit",
                new MapSqlParameterSource("me", actor.username())
                        .addValue("today", LocalDate.now(clock))
                        .addValue("limit", limit),
                Long.class);
    }

    /** A new proposal joins the undecided round of its level and year whose unit holds the model, if any. */
    @Override
    public void joinOpenRound(Proposal p, String modelUnitPath) {
        Level level = p.getLevel();
        for (Round r : rounds.findByLevelAndYearAndDecisionNumberIsNull(level, p.getYear())) {
            boolean covers = units.byId(r.getUnitId())
                    .map(u -> u.containsPath(modelUnitPath))
                    .orElse(false);
            if (covers) {
                p.joinRound(r.getId(), r.getCriteriaSetId());
                proposals.flush();
                return;
            }
        }
    }

    @Override
    public String requireCommentsClosed(Long roundId, String overrideReason) {
        return windows.requireClosed(roundId, overrideReason);
    }
}
