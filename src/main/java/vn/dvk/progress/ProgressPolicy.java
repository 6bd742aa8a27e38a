package vn.dvk.progress;

import vn.dvk.model.ModelStatus;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may do what with a model's results, in one place: {@link Progress}, {@link ModelTargets} and
 * {@link IndicatorCatalogue} ask it before each act and the progress and indicator pages ask the same object what to
 * offer. Which models an actor reaches is the model's rule (the model module answers 404 first). Pure: it reads the
 * actor, the model's status and the unit owning a catalogue entry; {@code ProgressPolicyTests} tries every role.
 */
final class ProgressPolicy {

    /** What an actor may do with results. */
    enum Act {
        /** File a progress report with its evidence: reporters, on an accepted, proposed or recognized model. */
        REPORT,
        /** Record a report the unit kept before DVK (an Excel import): reporters and appraisers. */
        RECORD_PAST,
        /** Add evidence to a report, or show a photo in public: reporters. */
        ADD_EVIDENCE,
        /** Choose a model's indicators, baselines and targets: reporters, unless the model is closed or in appraisal. */
        CHOOSE_INDICATORS,
        /** Add or change entries of the indicator catalogue: administrators. */
        MANAGE_CATALOGUE
    }

    private ProgressPolicy() {}

    /** Whether the actor's roles allow the act on some model (what the inbox and the pages' forms depend on). */
    static boolean mayAtAll(Actor actor, Act act) {
        return switch (act) {
            case REPORT, ADD_EVIDENCE, CHOOSE_INDICATORS -> actor.hasRole(Role.REPORTER);
            case RECORD_PAST -> actor.hasRole(Role.REPORTER) || actor.hasRole(Role.APPRAISER);
            case MANAGE_CATALOGUE -> actor.hasRole(Role.ADMIN);
        };
    }

    /** Whether a page offers the act on a model in that status, which the actor sees. */
    static boolean offers(Actor actor, Act act, ModelStatus status) {
        return mayAtAll(actor, act)
                && switch (act) {
                    case REPORT -> Progress.REPORTABLE.contains(status);
                    case CHOOSE_INDICATORS -> !ModelTargets.CLOSED.contains(status) && status != ModelStatus.SUBMITTED;
                    case RECORD_PAST, ADD_EVIDENCE, MANAGE_CATALOGUE -> true;
                };
    }

    /**
     * Whether the actor may change a catalogue entry: an administrator of the unit that owns it or of a unit above
     * it; the national entries ({@code ownerUnitPath} null) only at the centre.
     */
    static boolean mayChangeIndicator(Actor actor, String ownerUnitPath) {
        return mayAtAll(actor, Act.MANAGE_CATALOGUE)
                && (ownerUnitPath == null ? actor.unitLevel() == Level.CENTRAL : actor.covers(ownerUnitPath));
    }

    /** Refuses an actor whose roles do not allow the act ({@code access.denied}). */
    static void requireRoles(Actor actor, Act act) {
        if (!mayAtAll(actor, act)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
