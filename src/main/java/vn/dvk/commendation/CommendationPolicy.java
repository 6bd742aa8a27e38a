package vn.dvk.commendation;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may issue a commendation, in one place: {@link CommendationRegistry} asks it before issuing and the commendation
 * pages ask the same object whether to offer the form. Which commendations an actor sees is the registry's rule (the
 * recipient's unit lies in his subtree). Pure; {@code CommendationPolicyTests} tries every role.
 */
final class CommendationPolicy {

    private CommendationPolicy() {}

    /** Whether the actor may issue commendations (Bằng khen, Giấy khen): leaders (APPROVER). */
    static boolean mayIssue(Actor actor) {
        return actor.hasRole(Role.APPROVER);
    }

    /** Refuses an actor who may not issue ({@code access.denied}). */
    static void requireIssuer(Actor actor) {
        if (!mayIssue(actor)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
