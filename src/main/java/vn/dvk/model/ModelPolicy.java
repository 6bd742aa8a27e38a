package vn.dvk.model;

import java.util.EnumSet;
import java.util.Set;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may do what with a model, in one place: {@link ModelRegistry} asks it before each act and refuses as it says
 * (a model the actor may not see does not exist for him: 404; an act his roles or level do not allow: 403), and the
 * model's page asks the same object which acts to offer. Pure: it reads the actor, the model's unit path, status and
 * level, nothing else; {@code ModelPolicyTests} tries every role on a model of the actor's own unit, of a unit below
 * it and of a unit elsewhere. The life cycle itself (which status an act leaves from) is the aggregate's,
 * {@link DvkModel}; {@link #offers} says what the page shows of both.
 */
public final class ModelPolicy {

    /** What an actor may do with a model. */
    public enum Act {
        REGISTER,
        EDIT,
        SUBMIT,
        APPRAISE,
        REVIEW,
        PROPOSE
    }

    private static final Set<ModelStatus> EDITABLE = EnumSet.of(ModelStatus.DRAFT, ModelStatus.CHANGES_REQUESTED);
    private static final Set<ModelStatus> SETTLED = EnumSet.of(ModelStatus.ACCEPTED, ModelStatus.RECOGNIZED);

    private ModelPolicy() {}

    /**
     * Whether the actor may see the model: its unit is the actor's or lies below it, and a draft only to those who
     * register (reporters) and administrators.
     */
    public static boolean maySee(Actor actor, String unitPath, ModelStatus status) {
        return actor.covers(unitPath) && (status != ModelStatus.DRAFT || maySeeDrafts(actor));
    }

    /** Whether the actor's lists hold drafts: reporters' and administrators' do. */
    public static boolean maySeeDrafts(Actor actor) {
        return actor.hasRole(Role.REPORTER) || actor.hasRole(Role.ADMIN);
    }

    /** Whether the actor's roles (and, to appraise, his unit's level against the model's) allow the act. */
    public static boolean allows(Actor actor, Act act, Level modelLevel) {
        return switch (act) {
            case REGISTER, EDIT, SUBMIT -> actor.hasRole(Role.REPORTER);
            case APPRAISE -> actor.hasRole(Role.APPRAISER) && actor.unitLevel().atOrAbove(modelLevel);
            case REVIEW -> actor.hasRole(Role.APPRAISER);
            case PROPOSE -> actor.hasRole(Role.REPORTER) || actor.hasRole(Role.APPRAISER);
        };
    }

    /**
     * Refuses the act when {@link #allows} does not: {@code access.levelTooLow} for an appraiser below the model's
     * level, {@code access.denied} otherwise.
     */
    public static void require(Actor actor, Act act, Level modelLevel) {
        if (act == Act.APPRAISE) {
            requireActingLevel(actor, Role.APPRAISER, modelLevel);
        } else if (!allows(actor, act, modelLevel)) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    /** The actor must hold the role, and his unit must be at the given level or above it. */
    public static void requireActingLevel(Actor actor, Role role, Level level) {
        if (!actor.hasRole(role)) {
            throw new Problems.Forbidden("access.denied");
        }
        if (!actor.unitLevel().atOrAbove(level)) {
            throw new Problems.Forbidden("access.levelTooLow");
        }
    }

    /**
     * Whether the model's page offers the act on this model, which the actor sees: his roles allow it and the
     * model's status is one the act leaves from.
     */
    public static boolean offers(Actor actor, Act act, ModelView m) {
        if (!maySee(actor, m.unitPath(), m.status()) || !allows(actor, act, m.level())) {
            return false;
        }
        return switch (act) {
            case EDIT, SUBMIT -> EDITABLE.contains(m.status());
            case APPRAISE -> m.status() == ModelStatus.SUBMITTED;
            case REVIEW -> SETTLED.contains(m.status());
            case REGISTER, PROPOSE -> false;
        };
    }
}
