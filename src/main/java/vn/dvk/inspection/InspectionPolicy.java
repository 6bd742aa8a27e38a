package vn.dvk.inspection;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may do what with an inspection, in one place: {@link InspectionRegistry} asks it before each act and the
 * inspection pages ask the same object what to offer. Pure: it reads the actor and the paths of the inspected and the
 * inspecting units; {@code InspectionPolicyTests} tries every role.
 */
final class InspectionPolicy {

    /** What an actor may do with inspections. */
    enum Act {
        /** Plan an inspection of a unit of his subtree: appraisers (the steering board's inspectors). */
        PLAN,
        /** Record the findings, follow-ups and conclusion: appraisers of the inspecting unit or a unit above it. */
        INSPECT,
        /** Answer a follow-up: reporters of the inspected unit's subtree. */
        ANSWER
    }

    private InspectionPolicy() {}

    /** Whether the actor sees an inspection: the inspected unit lies in his subtree. */
    static boolean maySee(Actor actor, String inspectedUnitPath) {
        return actor.covers(inspectedUnitPath);
    }

    /** Whether the actor's roles allow the act on some inspection (what the pages and the inbox offer). */
    static boolean mayAtAll(Actor actor, Act act) {
        return switch (act) {
            case PLAN, INSPECT -> actor.hasRole(Role.APPRAISER);
            case ANSWER -> actor.hasRole(Role.REPORTER);
        };
    }

    /** Whether the actor may do the act on an inspection made by the unit at {@code inspectingUnitPath}. */
    static boolean allows(Actor actor, Act act, String inspectingUnitPath) {
        return mayAtAll(actor, act) && (act != Act.INSPECT || actor.covers(inspectingUnitPath));
    }

    /** Refuses an actor whose roles do not allow the act at all ({@code access.denied}). */
    static void requireRoles(Actor actor, Act act) {
        if (!mayAtAll(actor, act)) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    /**
     * Refuses the act when {@link #allows} does not: {@code access.denied} for the roles, {@code
     * inspection.notInspector} for an appraiser outside the inspecting unit's subtree.
     */
    static void require(Actor actor, Act act, String inspectingUnitPath) {
        requireRoles(actor, act);
        if (!allows(actor, act, inspectingUnitPath)) {
            throw new Problems.Forbidden("inspection.notInspector");
        }
    }
}
