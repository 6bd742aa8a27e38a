package vn.dvk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/** {@link ImportPolicy} for every role on every kind, without the application. */
class ImportPolicyTests {

    private static Actor province(Set<Role> roles) {
        return StubActor.at(Level.PROVINCE, "/1/5/", roles);
    }

    @Test
    void administratorsImportUnitsAndUsersAndTheOthersWhoRegisterOrAppraiseImportModelsAndProgress() {
        for (Role role : Role.values()) {
            Actor a = province(EnumSet.of(role));
            boolean admin = role == Role.ADMIN;
            boolean models = admin || role == Role.REPORTER || role == Role.APPRAISER;
            assertThat(ImportPolicy.allows(a, ImportKind.UNITS))
                    .as("%s units", role)
                    .isEqualTo(admin);
            assertThat(ImportPolicy.allows(a, ImportKind.USERS))
                    .as("%s users", role)
                    .isEqualTo(admin);
            assertThat(ImportPolicy.allows(a, ImportKind.MODELS))
                    .as("%s models", role)
                    .isEqualTo(models);
            assertThat(ImportPolicy.allows(a, ImportKind.PROGRESS))
                    .as("%s progress", role)
                    .isEqualTo(models);
            assertThat(ImportPolicy.kinds(a))
                    .as("%s kinds", role)
                    .isEqualTo(
                            admin
                                    ? List.of(ImportKind.values())
                                    : models ? List.of(ImportKind.MODELS, ImportKind.PROGRESS) : List.of());
        }
        assertThat(ImportPolicy.kinds(province(Set.of()))).isEmpty();
    }

    @Test
    void aRefusalSaysWhy() {
        assertThatThrownBy(() -> ImportPolicy.require(province(EnumSet.of(Role.REPORTER)), ImportKind.USERS))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        ImportPolicy.require(province(EnumSet.of(Role.APPRAISER)), ImportKind.PROGRESS);
    }
}
