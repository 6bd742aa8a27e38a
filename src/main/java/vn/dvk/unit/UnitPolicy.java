package vn.dvk.unit;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may change the unit tree, in one place: {@link UnitDirectory}, {@link Reorganizations} and {@link OfficialMap}
 * ask it before each change, and the units' and reorganizations' pages ask the same object before showing their
 * forms. Pure: it reads the actor; {@code UnitPolicyTests} tries every role.
 */
final class UnitPolicy {

    /** What an actor may do with the unit tree. */
    enum Act {
        /** Add a unit under one of his subtree: administrators. */
        CREATE,
        /** Merge, split, rename, move or dissolve units, now or on a date: administrators. */
        REORGANIZE,
        /** Load the official map of the provinces and communes: the central unit's administrators. */
        LOAD_MAP
    }

    private UnitPolicy() {}

    static boolean allows(Actor actor, Act act) {
        return actor.hasRole(Role.ADMIN) && (act != Act.LOAD_MAP || UnitDirectory.ROOT_CODE.equals(actor.unitCode()));
    }

    /** Refuses the act when {@link #allows} does not ({@code access.denied}). */
    static void require(Actor actor, Act act) {
        if (!allows(actor, act)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
