package vn.dvk.recognition.proposal;

import vn.dvk.model.ModelPolicy;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may do what with a proposal for recognition, in one place: {@link Recognitions} and {@code round.PublicComments} ask it
 * before each act, and the model's recognition page asks the same object what to offer. Which proposals an actor sees
 * is the model's rule ({@link ModelPolicy#maySee}: the model's unit lies in his subtree), which {@link Recognitions}
 * applies; in a round, what a council member may score is the round's ({@link RoundRules}). Pure: it reads the
 * actor, the proposal's level and whether it is in a round; {@code ProposalPolicyTests} tries every role.
 */
public final class ProposalPolicy {

    /** What an actor may do with a proposal. */
    public enum Act {
        /** Propose a settled model for recognition (the model's rule, {@link ModelPolicy.Act#PROPOSE}). */
        PROPOSE,
        /** Fill in a score sheet: in a round as its member; outside one, at or below his unit's level. */
        SCORE,
        /** Recognize or decline, at or below his unit's level. */
        DECIDE,
        /** Hide a citizen's comment on a nominee. */
        MODERATE
    }

    private ProposalPolicy() {}

    /** Whether the actor's roles allow the act on some proposal (what the pages and the inbox offer). */
    static boolean mayAtAll(Actor actor, Act act) {
        return switch (act) {
            case PROPOSE -> ModelPolicy.allows(actor, ModelPolicy.Act.PROPOSE, null);
            case SCORE -> actor.hasRole(Role.SCORER);
            case DECIDE -> actor.hasRole(Role.APPROVER);
            case MODERATE -> actor.hasRole(Role.APPRAISER) || actor.hasRole(Role.APPROVER) || actor.hasRole(Role.ADMIN);
        };
    }

    /** Whether the actor may do the act on a proposal of that level, in a round or not. */
    static boolean allows(Actor actor, Act act, Level proposalLevel, boolean inRound) {
        boolean levelHolds = actor.unitLevel().atOrAbove(proposalLevel);
        return mayAtAll(actor, act)
                && switch (act) {
                    case PROPOSE, MODERATE -> true;
                    case SCORE -> inRound || levelHolds;
                    case DECIDE -> levelHolds;
                };
    }

    /** Refuses an actor whose roles do not allow the act at all, before anything about the proposal is told. */
    public static void requireRoles(Actor actor, Act act) {
        if (!mayAtAll(actor, act)) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    /**
     * Refuses the act when {@link #allows} does not: {@code access.levelTooLow} for a scorer (outside a round) or an
     * approver below the proposal's level, {@code access.denied} otherwise.
     */
    static void require(Actor actor, Act act, Level proposalLevel, boolean inRound) {
        requireRoles(actor, act);
        if (!allows(actor, act, proposalLevel, inRound)) {
            throw new Problems.Forbidden("access.levelTooLow");
        }
    }
}
