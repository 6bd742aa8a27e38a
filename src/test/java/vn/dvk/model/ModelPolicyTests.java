package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dvk.model.ModelPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/**
 * {@link ModelPolicy} for every role on a model of the actor's own unit, of a unit below it and of a unit elsewhere,
 * in every status: in milliseconds, without the application (the access matrix, {@code AccessMatrixTests}, stays the
 * end-to-end proof through HTTP).
 */
class ModelPolicyTests {

    private static final String OWN = "/1/5/";
    private static final String CHILD = "/1/5/12/";
    private static final String FOREIGN = "/1/6/13/";

    private static Actor province(Role... roles) {
        return StubActor.at(Level.PROVINCE, OWN, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    private static ModelView model(String unitPath, ModelStatus status, Level level) {
        return new ModelView(
                1L,
                "Mô hình",
                Field.ECONOMY,
                "X",
                "Xã",
                level,
                2025,
                HolderType.COLLECTIVE,
                "Hội",
                Origin.NEW,
                null,
                null,
                Dossier.EMPTY,
                status,
                0,
                null,
                null,
                "r",
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                unitPath);
    }

    @Test
    void aModelIsSeenInTheActorsSubtreeAndDraftsOnlyByReportersAndAdministrators() {
        for (Role role : Role.values()) {
            Actor a = province(role);
            boolean drafts = role == Role.REPORTER || role == Role.ADMIN;
            for (ModelStatus status : ModelStatus.values()) {
                boolean visible = status != ModelStatus.DRAFT || drafts;
                assertThat(ModelPolicy.maySee(a, OWN, status))
                        .as("%s, own unit, %s", role, status)
                        .isEqualTo(visible);
                assertThat(ModelPolicy.maySee(a, CHILD, status))
                        .as("%s, child, %s", role, status)
                        .isEqualTo(visible);
                assertThat(ModelPolicy.maySee(a, FOREIGN, status))
                        .as("%s, elsewhere, %s", role, status)
                        .isFalse();
            }
        }
        assertThat(ModelPolicy.maySee(province(Role.REPORTER), null, ModelStatus.SUBMITTED))
                .isFalse();
    }

    @Test
    void eachActNeedsItsRoleAndAppraisingTheLevel() {
        for (Role role : Role.values()) {
            Actor a = province(role);
            assertThat(ModelPolicy.allows(a, Act.REGISTER, null))
                    .as("%s registers", role)
                    .isEqualTo(role == Role.REPORTER);
            assertThat(ModelPolicy.allows(a, Act.EDIT, null)).isEqualTo(role == Role.REPORTER);
            assertThat(ModelPolicy.allows(a, Act.SUBMIT, null)).isEqualTo(role == Role.REPORTER);
            assertThat(ModelPolicy.allows(a, Act.REVIEW, Level.COMMUNE)).isEqualTo(role == Role.APPRAISER);
            assertThat(ModelPolicy.allows(a, Act.PROPOSE, Level.COMMUNE))
                    .isEqualTo(role == Role.REPORTER || role == Role.APPRAISER);
            for (Level level : Level.values()) {
                // a province's appraiser appraises models of the province's level and below, not the centre's
                assertThat(ModelPolicy.allows(a, Act.APPRAISE, level))
                        .as("%s appraises a %s model", role, level)
                        .isEqualTo(role == Role.APPRAISER && level != Level.CENTRAL);
            }
        }
    }

    @Test
    void aRefusalSaysWhy() {
        assertThatThrownBy(() -> ModelPolicy.require(province(Role.VIEWER), Act.EDIT, null))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        assertThatThrownBy(() -> ModelPolicy.require(province(Role.REPORTER), Act.APPRAISE, Level.COMMUNE))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        assertThatThrownBy(() -> ModelPolicy.require(province(Role.APPRAISER), Act.APPRAISE, Level.CENTRAL))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.levelTooLow"));
        ModelPolicy.require(province(Role.APPRAISER), Act.APPRAISE, Level.PROVINCE);
        ModelPolicy.require(province(Role.REPORTER), Act.SUBMIT, null);
    }

    @Test
    void thePageOffersWhatTheRolesAllowAndTheStatusAdmits() {
        for (Role role : Role.values()) {
            Actor a = province(role);
            for (ModelStatus status : ModelStatus.values()) {
                for (String path : new String[] {OWN, CHILD, FOREIGN}) {
                    ModelView m = model(path, status, Level.COMMUNE);
                    boolean seen = ModelPolicy.maySee(a, path, status);
                    boolean editable = status == ModelStatus.DRAFT || status == ModelStatus.CHANGES_REQUESTED;
                    String what = role + " on a " + status + " model at " + path;
                    assertThat(ModelPolicy.offers(a, Act.EDIT, m))
                            .as(what)
                            .isEqualTo(seen && role == Role.REPORTER && editable);
                    assertThat(ModelPolicy.offers(a, Act.SUBMIT, m))
                            .as(what)
                            .isEqualTo(seen && role == Role.REPORTER && editable);
                    assertThat(ModelPolicy.offers(a, Act.APPRAISE, m))
                            .as(what)
                            .isEqualTo(seen && role == Role.APPRAISER && status == ModelStatus.SUBMITTED);
                    assertThat(ModelPolicy.offers(a, Act.REVIEW, m))
                            .as(what)
                            .isEqualTo(seen
                                    && role == Role.APPRAISER
                                    && (status == ModelStatus.ACCEPTED || status == ModelStatus.RECOGNIZED));
                    assertThat(ModelPolicy.offers(a, Act.PROPOSE, m)).as(what).isFalse();
                }
            }
        }
        // a submitted model of the centre's level is not offered to a province's appraiser
        assertThat(ModelPolicy.offers(
                        province(Role.APPRAISER), Act.APPRAISE, model(CHILD, ModelStatus.SUBMITTED, Level.CENTRAL)))
                .isFalse();
    }
}
