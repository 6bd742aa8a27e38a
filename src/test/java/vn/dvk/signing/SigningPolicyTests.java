package vn.dvk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/** {@link SigningPolicy} for every role on his own unit, a unit below it and a unit elsewhere, without the application. */
class SigningPolicyTests {

    private static final String OWN = "/1/5/";
    private static final String CHILD = "/1/5/12/";
    private static final String FOREIGN = "/1/6/13/";

    @Test
    void administratorsManageTheCertificatesOfTheirSubtree() {
        for (Role role : Role.values()) {
            Actor a = StubActor.at(Level.PROVINCE, OWN, EnumSet.of(role));
            boolean admin = role == Role.ADMIN;
            assertThat(SigningPolicy.mayManage(a, OWN)).as("%s, own unit", role).isEqualTo(admin);
            assertThat(SigningPolicy.mayManage(a, CHILD)).as("%s, child", role).isEqualTo(admin);
            assertThat(SigningPolicy.mayManage(a, FOREIGN))
                    .as("%s, elsewhere", role)
                    .isFalse();
            assertThat(SigningPolicy.mayManage(a, "/1/")).as("%s, above", role).isFalse();
        }
    }

    @Test
    void aRefusalSaysWhy() {
        Actor admin = StubActor.at(Level.PROVINCE, OWN, EnumSet.of(Role.ADMIN));
        assertThatThrownBy(() -> SigningPolicy.requireManager(admin, FOREIGN))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        SigningPolicy.requireManager(admin, CHILD);
    }
}
