package vn.dvk.shared;

/**
 * Who may verify the whole audit trail: {@link AuditApiController} asks it. Pure: it reads the actor's roles and his
 * unit's level; {@code AuditPolicyTests} tries every role at every level.
 */
final class AuditPolicy {

    private AuditPolicy() {}

    /** Whether the actor may read the whole trail: administrators of the central level, since it spans every unit. */
    static boolean mayVerify(Actor actor) {
        return actor.hasRole(Role.ADMIN) && actor.unitLevel() == Level.CENTRAL;
    }

    /** Refuses an actor who may not ({@code access.denied}). */
    static void requireVerifier(Actor actor) {
        if (!mayVerify(actor)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
