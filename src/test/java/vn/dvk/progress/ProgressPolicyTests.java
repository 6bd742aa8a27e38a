package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dvk.model.ModelStatus;
import vn.dvk.progress.ProgressPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link ProgressPolicy} for every role and every status of a model: in milliseconds, without the application (the
 * access matrix stays the end-to-end proof).
 */
class ProgressPolicyTests {

    private static Actor user(Level level, Role role) {
        return StubActor.at(level, "/1/5/", EnumSet.of(role));
    }

    /** Who may do each act at all. */
    private static final Map<Act, Set<Role>> ROLES = Map.of(
            Act.REPORT, EnumSet.of(Role.REPORTER),
            Act.RECORD_PAST, EnumSet.of(Role.REPORTER, Role.APPRAISER),
            Act.ADD_EVIDENCE, EnumSet.of(Role.REPORTER),
            Act.CHOOSE_INDICATORS, EnumSet.of(Role.REPORTER),
            Act.MANAGE_CATALOGUE, EnumSet.of(Role.ADMIN));

    @Test
    void eachActIsOfferedToItsRolesInTheStatusesItAdmits() {
        Set<ModelStatus> reportable = EnumSet.of(ModelStatus.ACCEPTED, ModelStatus.PROPOSED, ModelStatus.RECOGNIZED);
        Set<ModelStatus> choosable = EnumSet.of(
                ModelStatus.DRAFT,
                ModelStatus.CHANGES_REQUESTED,
                ModelStatus.ACCEPTED,
                ModelStatus.PROPOSED,
                ModelStatus.RECOGNIZED);
        for (Role role : Role.values()) {
            Actor a = user(Level.PROVINCE, role);
            for (Act act : Act.values()) {
                boolean roles = ROLES.get(act).contains(role);
                assertThat(ProgressPolicy.mayAtAll(a, act))
                        .as("%s %s", role, act)
                        .isEqualTo(roles);
                for (ModelStatus status : ModelStatus.values()) {
                    boolean admitted = switch (act) {
                        case REPORT -> reportable.contains(status);
                        case CHOOSE_INDICATORS -> choosable.contains(status);
                        default -> true;
                    };
                    assertThat(ProgressPolicy.offers(a, act, status))
                            .as("%s %s on a %s model", role, act, status)
                            .isEqualTo(roles && admitted);
                }
            }
        }
    }

    @Test
    void aCatalogueEntryIsChangedByAnAdministratorOfItsUnitAndTheNationalOnesAtTheCentre() {
        Actor provinceAdmin = user(Level.PROVINCE, Role.ADMIN);
        assertThat(ProgressPolicy.mayChangeIndicator(provinceAdmin, "/1/5/")).isTrue();
        assertThat(ProgressPolicy.mayChangeIndicator(provinceAdmin, "/1/5/12/")).isTrue();
        assertThat(ProgressPolicy.mayChangeIndicator(provinceAdmin, "/1/6/")).isFalse();
        assertThat(ProgressPolicy.mayChangeIndicator(provinceAdmin, null)).isFalse();
        assertThat(ProgressPolicy.mayChangeIndicator(StubActor.at(Level.CENTRAL, "/1/", EnumSet.of(Role.ADMIN)), null))
                .isTrue();
        assertThat(ProgressPolicy.mayChangeIndicator(user(Level.PROVINCE, Role.APPRAISER), "/1/5/"))
                .isFalse();
        assertThatThrownBy(() -> ProgressPolicy.requireRoles(user(Level.PROVINCE, Role.VIEWER), Act.REPORT))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        ProgressPolicy.requireRoles(user(Level.PROVINCE, Role.APPRAISER), Act.RECORD_PAST);
    }
}
