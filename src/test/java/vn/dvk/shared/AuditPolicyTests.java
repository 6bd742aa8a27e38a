package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.support.StubActor;

/** {@link AuditPolicy} for every role at every level, without the application. */
class AuditPolicyTests {

    @Test
    void onlyTheCentresAdministratorsVerifyTheTrail() {
        for (Role role : Role.values()) {
            for (Level level : Level.values()) {
                Actor a = StubActor.at(level, level == Level.CENTRAL ? "/1/" : "/1/5/", EnumSet.of(role));
                assertThat(AuditPolicy.mayVerify(a))
                        .as("%s at %s", role, level)
                        .isEqualTo(role == Role.ADMIN && level == Level.CENTRAL);
            }
        }
        assertThatThrownBy(() ->
                        AuditPolicy.requireVerifier(StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(Role.ADMIN))))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        AuditPolicy.requireVerifier(StubActor.at(Level.CENTRAL, "/1/", EnumSet.of(Role.ADMIN)));
    }
}
