package vn.dvk.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/** {@link UnitPolicy} for every role, at the centre and in a province, without the application. */
class UnitPolicyTests {

    @Test
    void administratorsChangeTheTreeAndOnlyTheCentresLoadTheOfficialMap() {
        for (Role role : Role.values()) {
            Actor province = StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(role));
            Actor centre = new StubActor(1L, "tw", 1L, "/1/", Set.of(role));
            boolean admin = role == Role.ADMIN;
            for (UnitPolicy.Act act : new UnitPolicy.Act[] {UnitPolicy.Act.CREATE, UnitPolicy.Act.REORGANIZE}) {
                assertThat(UnitPolicy.allows(province, act))
                        .as("%s %s", role, act)
                        .isEqualTo(admin);
                assertThat(UnitPolicy.allows(centre, act))
                        .as("%s %s at the centre", role, act)
                        .isEqualTo(admin);
            }
            assertThat(UnitPolicy.allows(province, UnitPolicy.Act.LOAD_MAP)).isFalse();
            assertThat(UnitPolicy.allows(centre, UnitPolicy.Act.LOAD_MAP))
                    .as("%s loads the map", role)
                    .isEqualTo(admin);
        }
        assertThatThrownBy(() -> UnitPolicy.require(
                        StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(Role.ADMIN)), UnitPolicy.Act.LOAD_MAP))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
    }
}
