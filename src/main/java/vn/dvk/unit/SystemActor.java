package vn.dvk.unit;

import java.util.Set;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;

/** DVK itself acting as an administrator of the root unit: start-up loaders and commands, never a signed-in user. */
public record SystemActor(UnitRef root) implements Actor {
    public Long userId() {
        return 0L;
    }

    public String username() {
        return "system";
    }

    public String fullName() {
        return "DVK";
    }

    public Long unitId() {
        return root.id();
    }

    public String unitCode() {
        return root.code();
    }

    public String unitName() {
        return root.name();
    }

    public String unitPath() {
        return root.path();
    }

    public Level unitLevel() {
        return root.level();
    }

    public Set<Role> roles() {
        return Set.of(Role.ADMIN);
    }
}
