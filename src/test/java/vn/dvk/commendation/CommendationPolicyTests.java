package vn.dvk.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/** {@link CommendationPolicy} for every role, without the application. */
class CommendationPolicyTests {

    @Test
    void onlyLeadersIssueCommendations() {
        for (Role role : Role.values()) {
            Actor a = StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(role));
            assertThat(CommendationPolicy.mayIssue(a)).as("%s issues", role).isEqualTo(role == Role.APPROVER);
            if (role != Role.APPROVER) {
                assertThatThrownBy(() -> CommendationPolicy.requireIssuer(a))
                        .isInstanceOfSatisfying(
                                Problems.Forbidden.class,
                                e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
            }
        }
    }
}
