package vn.dvk.imports;

import java.util.Arrays;
import java.util.List;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/**
 * Who may import what, in one place: {@link Importer} and the import API ask it before reading a file, and the import
 * page asks the same object which kinds to offer. What each row may change is the importing module's rule, checked
 * row by row as its API would. Pure: it reads the actor's roles; {@code ImportPolicyTests} tries every role on every
 * kind. (The main menu's link to the import page, in the shared module, follows the same rule.)
 */
final class ImportPolicy {

    private ImportPolicy() {}

    /** Whether the actor may import this kind: administrators units and users; reporters, appraisers, administrators else. */
    static boolean allows(Actor actor, ImportKind kind) {
        return switch (kind) {
            case UNITS, USERS -> actor.hasRole(Role.ADMIN);
            case MODELS, PROGRESS ->
                actor.hasRole(Role.REPORTER) || actor.hasRole(Role.APPRAISER) || actor.hasRole(Role.ADMIN);
        };
    }

    /** Refuses the kind when {@link #allows} does not ({@code access.denied}). */
    static void require(Actor actor, ImportKind kind) {
        if (!allows(actor, kind)) {
            throw new Problems.Forbidden("access.denied");
        }
    }

    /** The kinds the actor may import, in the page's order; none for an actor who may not import. */
    static List<ImportKind> kinds(Actor actor) {
        return Arrays.stream(ImportKind.values()).filter(k -> allows(actor, k)).toList();
    }
}
