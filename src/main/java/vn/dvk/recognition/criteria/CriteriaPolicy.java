package vn.dvk.recognition.criteria;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may see and change a criteria set, in one place: {@link CriteriaCatalogue} asks it before each act and the
 * criteria pages ask the same object what to offer. Pure: it reads the actor and the path of the set's unit;
 * {@code CriteriaPolicyTests} tries every role on a set of the actor's own unit, of a unit above, below and elsewhere.
 */
public final class CriteriaPolicy {

    /** What an actor may do with criteria sets. */
    public enum Act {
        /** Write a set of his subtree (create one, or edit one no round uses yet): administrators. */
        WRITE,
        /** Copy a set into his subtree as a new one: administrators and leaders (APPROVER). */
        COPY
    }

    private CriteriaPolicy() {}

    /**
     * Whether the actor sees a set: the guidance's examples are everyone's; a unit's set is seen in the unit's subtree
     * and by the units below it (the criteria a higher level issued hold for them).
     */
    static boolean maySee(Actor actor, boolean example, String setUnitPath) {
        return example || actor.covers(setUnitPath) || actor.unitPath().startsWith(setUnitPath);
    }

    /** Whether the actor's roles allow the act on some set (what the pages offer). */
    public static boolean mayAtAll(Actor actor, Act act) {
        return switch (act) {
            case WRITE -> actor.hasRole(Role.ADMIN);
            case COPY -> actor.hasRole(Role.ADMIN) || actor.hasRole(Role.APPROVER);
        };
    }

    /** Whether the actor may do the act on a set of that unit (a copy goes into his own subtree, from any set). */
    static boolean allows(Actor actor, Act act, String setUnitPath) {
        return mayAtAll(actor, act) && (act == Act.COPY || actor.covers(setUnitPath));
    }

    /** Refuses an actor whose roles do not allow the act at all ({@code access.denied}). */
    static void requireRoles(Actor actor, Act act) {
        if (!mayAtAll(actor, act)) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    /** Refuses the act on a set of that unit when {@link #allows} does not ({@code access.denied}). */
    static void require(Actor actor, Act act, String setUnitPath) {
        if (!allows(actor, act, setUnitPath)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
