package vn.dvk.shared;

import java.util.Set;

/** The signed-in user as every module sees it: who, which unit (and so which subtree), which roles. */
public interface Actor {

    Long userId();

    String username();

    String fullName();

    Long unitId();

    String unitCode();

    String unitName();

    /** Materialized path of the user's unit, as {@code /1/5/}; everything it prefixes is in scope. */
    String unitPath();

    Level unitLevel();

    Set<Role> roles();

    default boolean hasRole(Role role) {
        return roles().contains(role);
    }

    /** True when the unit with that path is the user's unit or lies below it. */
    default boolean covers(String path) {
        return path != null && path.startsWith(unitPath());
    }
}
