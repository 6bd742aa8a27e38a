package vn.dvk.campaign;

import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may do what with a campaign, in one place: {@link CampaignRegistry} asks it before each act and refuses as it
 * says (a campaign the actor may not see or not organise does not exist for him: 404; an act his roles do not allow:
 * 403), and the campaign pages and the home page ask the same object what to offer. Pure: it reads the actor and the
 * path of the campaign's unit; {@code CampaignPolicyTests} tries every role on a campaign of the actor's own unit, of
 * a unit above it, of a unit below it and of a unit elsewhere.
 */
final class CampaignPolicy {

    /** What an actor may do with campaigns. */
    enum Act {
        /** Launch a campaign of a unit of his subtree, and edit one: leaders (APPROVER) and administrators. */
        ORGANISE,
        /** Be shown the campaigns open for registration today (to register models under them): reporters. */
        REGISTER
    }

    private CampaignPolicy() {}

    /** Whether the actor sees a campaign: its unit is the actor's, lies below it or above it. */
    static boolean maySee(Actor actor, String campaignUnitPath) {
        return campaignUnitPath != null
                && (actor.covers(campaignUnitPath) || actor.unitPath().startsWith(campaignUnitPath));
    }

    /** Whether the actor's roles allow the act on some campaign (what the pages offer). */
    static boolean mayAtAll(Actor actor, Act act) {
        return switch (act) {
            case ORGANISE -> actor.hasRole(Role.APPROVER) || actor.hasRole(Role.ADMIN);
            case REGISTER -> actor.hasRole(Role.REPORTER);
        };
    }

    /** Whether the actor may do the act on a campaign of the unit at {@code campaignUnitPath}: his roles and subtree. */
    static boolean allows(Actor actor, Act act, String campaignUnitPath) {
        return mayAtAll(actor, act) && actor.covers(campaignUnitPath);
    }

    /** Refuses an actor whose roles do not allow the act at all ({@code access.denied}). */
    static void requireRoles(Actor actor, Act act) {
        if (!mayAtAll(actor, act)) {
            throw new Problems.Forbidden("access.denied");
        }
    }
}
