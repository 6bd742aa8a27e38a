package vn.dvk.recognition.proposal;

import java.util.List;
import vn.dvk.shared.Actor;

/**
 * What a proposal asks of the round it is in, answered by the round room ({@code round.RoundScoring}), so that
 * proposals do not depend on the rooms above them: who sits on its council, how it concludes, the rules a member's
 * score sheet follows, which sheets count, the public comment window that holds a decision back, and the round a new
 * proposal joins.
 */
public interface RoundRules {

    /** True when the actor sits on the council of the proposal's round. */
    boolean isMember(Proposal p, Actor actor);

    /** True when the user sits on the council of the round. */
    boolean isMember(Long roundId, String username);

    /** How the round concludes on its nominees (scores or a ballot); null without a round. */
    RoundMethod methodOf(Long roundId);

    /** Checks a member's sheet and builds it, with its weighted total. */
    ScoreSheet sheet(Actor actor, Proposal p, List<Recognitions.Score> scores, String comment);

    /** The sheets that count: those of members assigned to the proposal and not recused. */
    List<ScoreSheet> counted(Long proposalId, List<ScoreSheet> all);

    /** Proposals of open rounds whose sheet waits for the member, oldest first, at most {@code limit}. */
    List<Long> sheetsWaiting(Actor actor, int limit);

    /** A new proposal joins the undecided round of its level and year whose unit holds the model, if any. */
    void joinOpenRound(Proposal p, String modelUnitPath);

    /**
     * Refuses (409 naming {@code overrideReason}) a decision on a proposal of a round whose public comment window
     * is open, unless a reason to override it is given; returns that reason (trimmed) or null when no window is open.
     */
    String requireCommentsClosed(Long roundId, String overrideReason);
}
