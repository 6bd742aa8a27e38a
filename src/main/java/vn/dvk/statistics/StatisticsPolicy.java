package vn.dvk.statistics;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may see a unit's statistics and write its annual report, in one place: {@link Statistics} and
 * {@link AnnualReports} ask it before answering (a unit the actor may not see does not exist for him: 404) and before
 * saving the report's text (403), and the report's page asks the same object whether to offer the form. Pure: it reads
 * the actor and the unit's path; {@code StatisticsPolicyTests} tries every role on the actor's own unit, a unit below
 * it and a unit elsewhere.
 */
final class StatisticsPolicy {

    private StatisticsPolicy() {}

    /** Whether the actor sees the figures and the annual report of the unit: it is his or lies below it. */
    static boolean maySee(Actor actor, String unitPath) {
        return actor.covers(unitPath);
    }

    /** Whether the actor may write the annual report's text of the unit: an appraiser or approver who sees it. */
    static boolean mayWriteReport(Actor actor, String unitPath) {
        return maySee(actor, unitPath) && (actor.hasRole(Role.APPRAISER) || actor.hasRole(Role.APPROVER));
    }

    /** Refuses an actor who may not write the unit's annual report ({@code access.denied}). */
    static void requireReportWriter(Actor actor, String unitPath) {
        if (!mayWriteReport(actor, unitPath)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
