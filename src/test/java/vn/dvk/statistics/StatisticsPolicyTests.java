package vn.dvk.statistics;

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
 * {@link StatisticsPolicy} for every role on the actor's own unit, a unit below it and a unit elsewhere, without the
 * application.
 */
class StatisticsPolicyTests {

    private static final String OWN = "/1/5/";
    private static final String CHILD = "/1/5/12/";
    private static final String FOREIGN = "/1/6/13/";

    @Test
    void everyoneSeesHisSubtreeAndAppraisersAndApproversWriteItsAnnualReport() {
        for (Role role : Role.values()) {
            Actor a = StubActor.at(Level.PROVINCE, OWN, EnumSet.of(role));
            boolean writer = role == Role.APPRAISER || role == Role.APPROVER;
            assertThat(StatisticsPolicy.maySee(a, OWN))
                    .as("%s sees his unit", role)
                    .isTrue();
            assertThat(StatisticsPolicy.maySee(a, CHILD))
                    .as("%s sees a child", role)
                    .isTrue();
            assertThat(StatisticsPolicy.maySee(a, FOREIGN))
                    .as("%s sees elsewhere", role)
                    .isFalse();
            assertThat(StatisticsPolicy.maySee(a, "/1/"))
                    .as("%s sees above", role)
                    .isFalse();
            assertThat(StatisticsPolicy.mayWriteReport(a, OWN))
                    .as("%s, own unit", role)
                    .isEqualTo(writer);
            assertThat(StatisticsPolicy.mayWriteReport(a, CHILD))
                    .as("%s, child", role)
                    .isEqualTo(writer);
            assertThat(StatisticsPolicy.mayWriteReport(a, FOREIGN))
                    .as("%s, elsewhere", role)
                    .isFalse();
        }
    }

    @Test
    void aRefusalSaysWhy() {
        assertThatThrownBy(() -> StatisticsPolicy.requireReportWriter(
                        StubActor.at(Level.PROVINCE, OWN, EnumSet.of(Role.VIEWER)), OWN))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        StatisticsPolicy.requireReportWriter(StubActor.at(Level.PROVINCE, OWN, EnumSet.of(Role.APPROVER)), CHILD);
    }
}
