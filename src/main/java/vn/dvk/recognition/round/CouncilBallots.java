package vn.dvk.recognition.round;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.proposal.Proposal;
import vn.dvk.recognition.proposal.ProposalStatus;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.recognition.proposal.RoundMethod;
import vn.dvk.shared.Actor;
import vn.dvk.shared.AuditTrail;
import vn.dvk.shared.Problems;

/**
 * The secret ballot of a round whose council votes ({@link RoundMethod#BALLOT}): each assigned, non-recused member
 * votes once on each nominee, AGREE or DISAGREE, while the round is open. The vote goes into the nominee's counts
 * ({@code recognition_ballot_tally}, no voter, no time) and the fact of voting into {@code recognition_ballot_voter}
 * (nominee and member, no vote), in one transaction; the audit trail says who voted on what, never how. The count
 * follows {@link BallotCount}.
 */
@Service
@Transactional(readOnly = true)
class CouncilBallots {

    /** A member's vote was taken; the answer never repeats the vote. */
    record Cast(Long proposalId, boolean voted) {}

    /** One nominee's count: members eligible, voting (present), for, against, absent, and the outcome. */
    record NomineeResult(
            Long proposalId,
            Long modelId,
            String modelTitle,
            String unitCode,
            String unitName,
            String field,
            int eligible,
            int voting,
            int agree,
            int disagree,
            int notVoted,
            BallotCount.Outcome outcome,
            ProposalStatus status) {}

    /** The count of a ballot round: its rules, how many members sit and how many voted, and each nominee. */
    record BallotResults(
            Long roundId,
            String passShare,
            int quorum,
            int members,
            int membersVoted,
            boolean votingOpen,
            List<NomineeResult> nominees) {}

    private final Rounds rounds;
    private final Assignments assignments;
    private final Recognitions recognitions;
    private final ModelRegistry models;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CouncilBallots(
            Rounds rounds,
            Assignments assignments,
            Recognitions recognitions,
            ModelRegistry models,
            AuditTrail audit,
            NamedParameterJdbcTemplate jdbc,
            Clock clock) {
        this.rounds = rounds;
        this.assignments = assignments;
        this.recognitions = recognitions;
        this.models = models;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A member's vote on one nominee (API). */
    @Transactional
    public Cast cast(Actor actor, Long proposalId, Vote vote) {
        castLocked(actor, proposalId, vote, null);
        return new Cast(proposalId, true);
    }

    /** A member's votes on several nominees of one round (the ballot sheet): all are taken, or none. */
    @Transactional
    public void castAll(Actor actor, Long roundId, Map<Long, Vote> votes) {
        if (votes.isEmpty()) {
            throw new Problems.Invalid("votes", "ballot.none");
        }
        // in the order of the nominees' ids, so that two sheets never wait on each other's locks
        new TreeMap<>(votes).forEach((proposalId, vote) -> castLocked(actor, proposalId, vote, roundId));
    }

    /**
     * Locks the nominee's row first (two requests of one member wait on each other there, and the second then
     * finds the first's vote), then reads everything it checks, so that a decision taken meanwhile is seen.
     */
    private void castLocked(Actor actor, Long proposalId, Vote vote, Long expectedRound) {
        lockNominee(proposalId);
        Proposal p = recognitions.visible(actor, proposalId);
        RoundPolicy.requireRoles(actor, RoundPolicy.Act.VOTE);
        if (expectedRound != null && !expectedRound.equals(p.getRoundId())) {
            throw new Problems.Invalid("votes", "round.proposal.notInRound");
        }
        Round round =
                p.getRoundId() == null ? null : rounds.findById(p.getRoundId()).orElse(null);
        if (round == null) {
            throw new Problems.Conflict("round.notBallot");
        }
        round.requireMethod(RoundMethod.BALLOT);
        p.requirePending();
        round.requireOpenForScoring(LocalDate.now(clock));
        if (round.member(actor.username()).isEmpty()) {
            throw new Problems.Forbidden("round.notMember");
        }
        Assignment a = assignments
                .findByProposalIdAndScorer(proposalId, actor.username())
                .orElseThrow(() -> new Problems.Forbidden("round.notAssigned"));
        if (a.isRecused()) {
            throw new Problems.Conflict("round.recused");
        }
        if (hasVoted(proposalId, actor.username())) {
            throw new Problems.Conflict("ballot.alreadyCast");
        }
        if (vote == null) {
            throw new Problems.Invalid("vote", "validation.required");
        }
        MapSqlParameterSource params = new MapSqlParameterSource("p", proposalId)
                .addValue("me", actor.username())
                .addValue("agree", vote == Vote.AGREE ? 1 : 0)
                .addValue("disagree", vote == Vote.DISAGREE ? 1 : 0);
        jdbc.update("insert into recognition_ballot_voter (proposal_id, voter) values (:p, :me)", params);
        int counted = jdbc.update(
                "update recognition_ballot_tally set agree = agree + :agree,"
                        + " disagree = disagree + :disagree where proposal_id = :p",
                params);
        if (counted == 0) {
            jdbc.update(
                    "insert into recognition_ballot_tally (proposal_id, agree, disagree)"
                            + " values (:p, :agree, :disagree)",
                    params);
        }
        audit.record(actor.username(), Recognitions.AUDIT_PROPOSAL, proposalId, "BALLOT_CAST", null, null, null);
    }

    /**
     * Locks the nominee's row until the transaction ends: a vote and a declared conflict on one nominee take their
     * turns, so a member who is recused never has a vote counted, and a member who voted is never recused.
     */
    void lockNominee(Long proposalId) {
        List<Long> locked = jdbc.queryForList(
                "select id from recognition_proposal where id = :id for update",
                new MapSqlParameterSource("id", proposalId),
                Long.class);
        if (locked.isEmpty()) {
            throw new Problems.NotFound("proposal.notFound");
        }
    }

    /** True when the member has voted on the nominee (how is not kept with the member). */
    boolean hasVoted(Long proposalId, String username) {
        return !jdbc.queryForList(
                        "select 1 from recognition_ballot_voter where proposal_id = :p and voter = :me",
                        new MapSqlParameterSource("p", proposalId).addValue("me", username),
                        Integer.class)
                .isEmpty();
    }

    /** The nominees of the round the member has voted on. */
    Set<Long> votedBy(Long roundId, String username) {
        return new HashSet<>(jdbc.queryForList(
                "select v.proposal_id from recognition_ballot_voter v"
                        + " join recognition_proposal p on p.id = v.proposal_id where p.round_id = :round and v.voter = :me",
                new MapSqlParameterSource("round", roundId).addValue("me", username),
                Long.class));
    }

    /** (proposal, member) pairs of the round that have voted, as "proposalId|username". */
    Set<String> voters(Long roundId) {
        Set<String> out = new HashSet<>();
        jdbc.query(
                "select v.proposal_id, v.voter from recognition_ballot_voter v join recognition_proposal p"
                        + " on p.id = v.proposal_id where p.round_id = :round",
                new MapSqlParameterSource("round", roundId),
                rs -> {
                    out.add(rs.getLong(1) + "|" + rs.getString(2));
                });
        return out;
    }

    /** The count of a ballot round, without access checks (the callers check). */
    BallotResults count(Round round) {
        round.requireMethod(RoundMethod.BALLOT);
        MapSqlParameterSource params = new MapSqlParameterSource("round", round.getId());
        Map<Long, BallotCount.Tally> tallies = new HashMap<>();
        Map<Long, ProposalStatus> statuses = new HashMap<>();
        Map<Long, Long> modelIds = new LinkedHashMap<>();
        jdbc.query(
                "select p.id, p.model_id, p.status, coalesce(t.agree, 0) agree, coalesce(t.disagree, 0) disagree,"
                        + " (select count(*) from recognition_assignment a where a.proposal_id = p.id and a.recused = false)"
                        + " eligible from recognition_proposal p left join recognition_ballot_tally t on t.proposal_id = p.id"
                        + " where p.round_id = :round order by p.id",
                params,
                rs -> {
                    long id = rs.getLong("id");
                    modelIds.put(id, rs.getLong("model_id"));
                    statuses.put(id, ProposalStatus.valueOf(rs.getString("status")));
                    tallies.put(
                            id,
                            new BallotCount.Tally(rs.getInt("eligible"), rs.getInt("agree"), rs.getInt("disagree")));
                });
        Integer membersVoted = jdbc.queryForObject(
                "select count(distinct v.voter) from recognition_ballot_voter v"
                        + " join recognition_proposal p on p.id = v.proposal_id where p.round_id = :round",
                params,
                Integer.class);
        Map<Long, ModelView> views = models.viewsOf(List.copyOf(modelIds.values()));
        BallotCount.Share share = round.passShare();
        List<NomineeResult> nominees = modelIds.entrySet().stream()
                .map(e -> {
                    ModelView m = views.get(e.getValue());
                    BallotCount.Tally t = tallies.get(e.getKey());
                    return new NomineeResult(
                            e.getKey(),
                            m.id(),
                            m.title(),
                            m.unitCode(),
                            m.unitName(),
                            m.field().name(),
                            t.eligible(),
                            t.voting(),
                            t.agree(),
                            t.disagree(),
                            t.notVoted(),
                            BallotCount.outcome(t, share, round.getQuorum()),
                            statuses.get(e.getKey()));
                })
                .toList();
        return new BallotResults(
                round.getId(),
                share.toString(),
                round.getQuorum(),
                round.getMembers().size(),
                membersVoted == null ? 0 : membersVoted,
                round.isOpen(LocalDate.now(clock)),
                nominees);
    }
}
