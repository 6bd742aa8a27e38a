package vn.dvk.account;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may manage the users, in one place: {@link Accounts} asks it before creating, disabling or changing another
 * user's e-mail address, and the users' page and API ask the same object before listing. Pure: it reads the actor and
 * the path of the user's unit; {@code UserPolicyTests} tries every role on a user of the actor's own unit, of a unit
 * below it and of a unit elsewhere. Everyone changes his own address (the notices' settings).
 */
final class UserPolicy {

    private UserPolicy() {}

    /** Whether the actor manages users at all (list, create, disable, change their address): administrators. */
    static boolean mayManage(Actor actor) {
        return actor.hasRole(Role.ADMIN);
    }

    /** Whether the actor manages a user of the unit at {@code userUnitPath}: an administrator covering that unit. */
    static boolean mayManage(Actor actor, String userUnitPath) {
        return mayManage(actor) && actor.covers(userUnitPath);
    }

    /** Refuses an actor who manages no users ({@code access.denied}). */
    static void requireManager(Actor actor) {
        if (!mayManage(actor)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
