package vn.dvk.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.inspection.InspectionPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link InspectionPolicy} for every role, on inspections of the user's own unit, of a unit below it and of a unit
 * elsewhere: in milliseconds, without the application (the access matrix stays the end-to-end proof).
 */
class InspectionPolicyTests {

    private static final String OWN = "/1/5/";
    private static final String CHILD = "/1/5/12/";
    private static final String ABOVE = "/1/";
    private static final String FOREIGN = "/1/6/13/";

    /** A province's user with one role (the province at /1/5/, its communes below, another province at /1/6/). */
    private static Actor user(Role role) {
        return StubActor.at(Level.PROVINCE, OWN, EnumSet.of(role));
    }

    @Test
    void appraisersPlanAndInspectForTheirSubtreesBoardsAndReportersAnswer() {
        for (Role role : Role.values()) {
            Actor a = user(role);
            boolean appraiser = role == Role.APPRAISER;
            assertThat(InspectionPolicy.mayAtAll(a, Act.PLAN))
                    .as("%s plans", role)
                    .isEqualTo(appraiser);
            assertThat(InspectionPolicy.mayAtAll(a, Act.INSPECT))
                    .as("%s inspects", role)
                    .isEqualTo(appraiser);
            assertThat(InspectionPolicy.mayAtAll(a, Act.ANSWER))
                    .as("%s answers", role)
                    .isEqualTo(role == Role.REPORTER);
            for (String board : new String[] {OWN, CHILD}) {
                assertThat(InspectionPolicy.allows(a, Act.INSPECT, board))
                        .as("%s for %s", role, board)
                        .isEqualTo(appraiser);
            }
            for (String board : new String[] {ABOVE, FOREIGN}) {
                assertThat(InspectionPolicy.allows(a, Act.INSPECT, board))
                        .as("%s for %s", role, board)
                        .isFalse();
            }
        }
    }

    @Test
    void anInspectionIsSeenWhenTheInspectedUnitLiesInTheSubtree() {
        for (Role role : Role.values()) {
            assertThat(InspectionPolicy.maySee(user(role), OWN)).isTrue();
            assertThat(InspectionPolicy.maySee(user(role), CHILD)).isTrue();
            assertThat(InspectionPolicy.maySee(user(role), ABOVE)).isFalse();
            assertThat(InspectionPolicy.maySee(user(role), FOREIGN)).isFalse();
        }
    }

    @Test
    void aRefusalSaysWhetherTheRoleOrTheBoardIsWrong() {
        assertThatThrownBy(() -> InspectionPolicy.require(user(Role.REPORTER), Act.INSPECT, OWN))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        assertThatThrownBy(() -> InspectionPolicy.require(user(Role.APPRAISER), Act.INSPECT, ABOVE))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.notInspector"));
        InspectionPolicy.require(user(Role.APPRAISER), Act.INSPECT, CHILD);
        InspectionPolicy.requireRoles(user(Role.REPORTER), Act.ANSWER);
    }
}
