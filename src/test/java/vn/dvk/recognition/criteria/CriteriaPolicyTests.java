package vn.dvk.recognition.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import vn.dvk.recognition.criteria.CriteriaPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link CriteriaPolicy} for every role on a set of the actor's own unit, of the unit above it, of a unit below it and
 * of a unit elsewhere: in milliseconds, without the application (the access matrix stays the end-to-end proof).
 */
class CriteriaPolicyTests {

    /** A province's user with one role (the province at /1/5/, its communes below, another province at /1/6/). */
    private static Actor user(Role role) {
        return StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(role));
    }

    private static final String OWN = "/1/5/";
    private static final String ABOVE = "/1/";
    private static final String CHILD = "/1/5/12/";
    private static final String FOREIGN = "/1/6/13/";

    @Test
    void administratorsWriteTheSetsOfTheirSubtreeAndLeadersCopyAnySetTheySee() {
        for (Role role : Role.values()) {
            Actor a = user(role);
            boolean admin = role == Role.ADMIN;
            boolean copier = admin || role == Role.APPROVER;
            assertThat(CriteriaPolicy.mayAtAll(a, Act.WRITE))
                    .as("%s writes", role)
                    .isEqualTo(admin);
            assertThat(CriteriaPolicy.mayAtAll(a, Act.COPY))
                    .as("%s copies", role)
                    .isEqualTo(copier);
            for (String path : new String[] {OWN, CHILD}) {
                assertThat(CriteriaPolicy.allows(a, Act.WRITE, path))
                        .as("%s writes at %s", role, path)
                        .isEqualTo(admin);
            }
            for (String path : new String[] {ABOVE, FOREIGN}) {
                assertThat(CriteriaPolicy.allows(a, Act.WRITE, path))
                        .as("%s writes at %s", role, path)
                        .isFalse();
            }
            for (String path : new String[] {ABOVE, OWN, CHILD, FOREIGN}) {
                assertThat(CriteriaPolicy.allows(a, Act.COPY, path))
                        .as("%s copies from %s", role, path)
                        .isEqualTo(copier);
            }
        }
        assertThatThrownBy(() -> CriteriaPolicy.require(user(Role.ADMIN), Act.WRITE, ABOVE))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        assertThatThrownBy(() -> CriteriaPolicy.requireRoles(user(Role.VIEWER), Act.COPY))
                .isInstanceOf(Problems.Forbidden.class);
        CriteriaPolicy.require(user(Role.ADMIN), Act.WRITE, CHILD);
    }

    @Test
    void aSetIsSeenInItsSubtreeByTheUnitsBelowItAndTheExamplesByEveryone() {
        for (Role role : Role.values()) {
            Actor a = user(role);
            assertThat(CriteriaPolicy.maySee(a, false, OWN)).isTrue();
            assertThat(CriteriaPolicy.maySee(a, false, CHILD)).isTrue();
            assertThat(CriteriaPolicy.maySee(a, false, ABOVE)).isTrue();
            assertThat(CriteriaPolicy.maySee(a, false, FOREIGN)).isFalse();
            assertThat(CriteriaPolicy.maySee(a, true, FOREIGN)).isTrue();
        }
    }
}
