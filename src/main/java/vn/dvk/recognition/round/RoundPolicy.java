package vn.dvk.recognition.round;

import vn.dvk.model.ModelPolicy;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may do what with a council round, in one place: {@link Councils} asks it before each act and refuses as it says
 * (a round the actor may not see does not exist for him: 404; an act his roles, level or unit do not allow: 403), and
 * the round's page asks the same object what to show. Pure: it reads the actor, the round's level and its unit's path,
 * and whether the actor sits on its council; {@code RoundPolicyTests} tries every role on a round of the actor's own
 * unit, of a unit below it and of a unit elsewhere. What a round's state allows (open, decided) is the aggregate's,
 * {@link Round}.
 */
final class RoundPolicy {

    /** What an actor may do with a round. */
    enum Act {
        /** Open a round (at a unit of his subtree, which {@link Councils#create} checks with the unit). */
        CREATE,
        /** Gather proposals, add members, assign them, and see the sheets' state as the round goes. */
        ORGANISE,
        /** See the ranked results (or a ballot's count). */
        SEE_RESULTS,
        /** Decide the round, and reopen a member's locked sheet before that. */
        DECIDE,
        /** Cast a vote in a ballot (as a member of its council, which {@link CouncilBallots} checks). */
        VOTE
    }

    private RoundPolicy() {}

    /** Whether the actor sees the round: it is held by his unit or one below it, or he sits on its council. */
    static boolean maySee(Actor actor, String roundUnitPath, boolean member) {
        return member || actor.covers(roundUnitPath);
    }

    /** Whether the actor's roles, unit and (to decide) level allow the act on a round of that level and unit. */
    static boolean allows(Actor actor, Act act, Level roundLevel, String roundUnitPath) {
        return switch (act) {
            case CREATE -> organiser(actor);
            case ORGANISE -> organiser(actor) && actor.covers(roundUnitPath);
            case SEE_RESULTS ->
                (actor.hasRole(Role.APPROVER)
                                || actor.hasRole(Role.ADMIN)
                                || actor.hasRole(Role.VIEWER)
                                || actor.hasRole(Role.APPRAISER))
                        && actor.covers(roundUnitPath);
            case DECIDE ->
                actor.hasRole(Role.APPROVER) && actor.unitLevel().atOrAbove(roundLevel) && actor.covers(roundUnitPath);
            case VOTE -> actor.hasRole(Role.SCORER);
        };
    }

    /**
     * Refuses the act when {@link #allows} does not: {@code access.levelTooLow} for an approver below the round's
     * level, {@code access.denied} otherwise.
     */
    static void require(Actor actor, Act act, Level roundLevel, String roundUnitPath) {
        if (act == Act.DECIDE) {
            ModelPolicy.requireActingLevel(actor, Role.APPROVER, roundLevel);
        }
        if (!allows(actor, act, roundLevel, roundUnitPath)) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    /** Whether the actor votes in the round's ballot: a scorer ({@link Act#VOTE}) who sits on its council. */
    static boolean mayVoteIn(Actor actor, boolean member) {
        return member && allows(actor, Act.VOTE, null, null);
    }

    /** Refuses an actor who does not vote in the round's ballot ({@code round.notMember}). */
    static void requireVoter(Actor actor, boolean member) {
        if (!mayVoteIn(actor, member)) {
            throw new Problems.Forbidden("round.notMember");
        }
    }

    /**
     * Refuses an actor whose roles do not allow the act on any round, before the round is looked up (an actor who
     * could not organise any round is told so, not that the round does not exist).
     */
    static void requireRoles(Actor actor, Act act) {
        boolean roles = switch (act) {
            case CREATE, ORGANISE -> organiser(actor);
            case SEE_RESULTS -> allows(actor, act, Level.COMMUNE, actor.unitPath());
            case DECIDE -> actor.hasRole(Role.APPROVER);
            case VOTE -> actor.hasRole(Role.SCORER);
        };
        if (!roles) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    private static boolean organiser(Actor actor) {
        return actor.hasRole(Role.ADMIN) || actor.hasRole(Role.APPROVER);
    }
}
