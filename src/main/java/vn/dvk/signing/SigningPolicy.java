package vn.dvk.signing;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may manage a unit's signing certificate (see, upload, replace, remove it), in one place:
 * {@link SigningCertificateRegistry} asks it before each act, and the signing page and the API go through the
 * registry. Pure: it reads the actor and the unit's path; {@code SigningPolicyTests} tries every role on the actor's
 * own unit, a unit below it and a unit elsewhere.
 */
final class SigningPolicy {

    private SigningPolicy() {}

    /** Whether the actor manages the certificate of the unit at {@code unitPath}: an administrator covering it. */
    static boolean mayManage(Actor actor, String unitPath) {
        return actor.hasRole(Role.ADMIN) && actor.covers(unitPath);
    }

    /** Refuses an actor who may not manage the unit's certificate ({@code access.denied}). */
    static void requireManager(Actor actor, String unitPath) {
        if (!mayManage(actor, unitPath)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
