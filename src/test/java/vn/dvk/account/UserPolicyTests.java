package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link UserPolicy} for every role on a user of the actor's own unit, of a unit below it and of a unit elsewhere,
 * without the application.
 */
class UserPolicyTests {

    private static final String OWN = "/1/5/";
    private static final String CHILD = "/1/5/12/";
    private static final String FOREIGN = "/1/6/13/";

    @Test
    void administratorsManageTheUsersOfTheirSubtree() {
        for (Role role : Role.values()) {
            Actor a = StubActor.at(Level.PROVINCE, OWN, EnumSet.of(role));
            boolean admin = role == Role.ADMIN;
            assertThat(UserPolicy.mayManage(a)).as("%s manages users", role).isEqualTo(admin);
            assertThat(UserPolicy.mayManage(a, OWN)).as("%s, own unit", role).isEqualTo(admin);
            assertThat(UserPolicy.mayManage(a, CHILD)).as("%s, child", role).isEqualTo(admin);
            assertThat(UserPolicy.mayManage(a, FOREIGN))
                    .as("%s, elsewhere", role)
                    .isFalse();
            assertThat(UserPolicy.mayManage(a, "/1/")).as("%s, above", role).isFalse();
        }
    }

    @Test
    void aRefusalSaysWhy() {
        assertThatThrownBy(
                        () -> UserPolicy.requireManager(StubActor.at(Level.CENTRAL, "/1/", EnumSet.of(Role.APPROVER))))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        UserPolicy.requireManager(StubActor.at(Level.COMMUNE, "/1/5/12/", EnumSet.of(Role.ADMIN)));
    }
}
