package vn.dvk.recognition.replication;

import java.util.Arrays;
import java.util.List;
import vn.dvk.model.ModelPolicy;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may mark a model for replication and who is offered to replicate it, in one place: {@link Replication} asks it
 * before marking, and the replication section of a model's page asks the same object what to offer. Pure: it reads the
 * actor, the mark's level and the model's status; which models the actor sees is {@link ModelPolicy}'s.
 * {@code ReplicationPolicyTests} tries every role at every level and in every status.
 */
final class ReplicationPolicy {

    /** What an actor may do in the replication section. */
    enum Act {
        /** Mark a recognized model as fit to replicate at a level: appraisers and approvers at that level or above. */
        MARK,
        /** Register a replica of a settled model, which is registering a model: reporters ({@link ModelPolicy}). */
        REPLICATE
    }

    private ReplicationPolicy() {}

    /** Whether the actor's roles allow the act (at some level). */
    static boolean mayAtAll(Actor actor, Act act) {
        return switch (act) {
            case MARK -> actor.hasRole(Role.APPRAISER) || actor.hasRole(Role.APPROVER);
            case REPLICATE -> ModelPolicy.allows(actor, ModelPolicy.Act.REGISTER, null);
        };
    }

    /** Whether the actor may mark a model at the level: his roles, and his unit at that level or above. */
    static boolean mayMark(Actor actor, Level level) {
        return mayAtAll(actor, Act.MARK) && actor.unitLevel().atOrAbove(level);
    }

    /**
     * Refuses a mark at the level when {@link #mayMark} does not: {@code access.denied} for the roles,
     * {@code access.levelTooLow} for a unit below the level.
     */
    static void requireMark(Actor actor, Level level) {
        if (!mayAtAll(actor, Act.MARK)) {
            throw new Problems.Forbidden("access.denied");
        }
        if (!actor.unitLevel().atOrAbove(level)) {
            throw new Problems.Forbidden("access.levelTooLow");
        }
    }

    /** The levels the actor's mark form offers: his unit's and those below it. */
    static List<Level> markLevels(Actor actor) {
        return Arrays.stream(Level.values())
                .filter(l -> actor.unitLevel().atOrAbove(l))
                .toList();
    }

    /**
     * Whether the section offers the act on the model, which the actor sees: his roles allow it, and the model is
     * recognized and not retired (to mark) or accepted, proposed or recognized (to replicate).
     */
    static boolean offers(Actor actor, Act act, ModelView m) {
        return mayAtAll(actor, act)
                && switch (act) {
                    case MARK -> m.recognizedLevel() != null && m.status() != ModelStatus.RETIRED;
                    case REPLICATE ->
                        m.status() == ModelStatus.ACCEPTED
                                || m.status() == ModelStatus.PROPOSED
                                || m.status() == ModelStatus.RECOGNIZED;
                };
    }
}
