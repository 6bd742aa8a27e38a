package vn.dvk.support;

import java.util.Set;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;

/**
 * A signed-in user made by hand, for tests and benchmarks that call a module's service directly (no sign-in): a
 * central user ({@code TW}) of the given user id, unit and path, with the given roles.
 */
public record StubActor(Long userId, String username, Long unitId, String unitPath, Set<Role> roles) implements Actor {

    /** An administrator of the unit {@code unitId} at {@code path}, as the benchmarks act. */
    public static Actor admin(long unitId, String path) {
        return new StubActor(0L, "bench", unitId, path, Set.of(Role.ADMIN));
    }

    /**
     * A user of a unit of the given level at {@code path} (id 5, code {@code P}) with the given roles, for the access
     * policies' tests.
     */
    public static Actor at(Level level, String path, Set<Role> roles) {
        return new Placed(level, path, roles);
    }

    private record Placed(Level unitLevel, String unitPath, Set<Role> roles) implements Actor {
        @Override
        public Long userId() {
            return 1L;
        }

        @Override
        public String username() {
            return "u";
        }

        @Override
        public String fullName() {
            return "U";
        }

        @Override
        public Long unitId() {
            return 5L;
        }

        @Override
        public String unitCode() {
            return "P";
        }

        @Override
        public String unitName() {
            return "Đơn vị " + unitPath;
        }
    }

    /** A user of the central unit without roles, who only receives notices. */
    public static Actor user(long userId) {
        return new StubActor(userId, "user" + userId, 0L, "/1/", Set.of());
    }

    @Override
    public String fullName() {
        return username;
    }

    @Override
    public String unitCode() {
        return "TW";
    }

    @Override
    public String unitName() {
        return "Trung ương";
    }

    @Override
    public Level unitLevel() {
        return Level.CENTRAL;
    }
}
