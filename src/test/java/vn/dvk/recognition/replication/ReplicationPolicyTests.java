package vn.dvk.recognition.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvk.model.Dossier;
import vn.dvk.model.Field;
import vn.dvk.model.HolderType;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.model.Origin;
import vn.dvk.recognition.replication.ReplicationPolicy.Act;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;

/** {@link ReplicationPolicy} for every role, at every level and in every status, without the application. */
class ReplicationPolicyTests {

    private static Actor province(Role role) {
        return StubActor.at(Level.PROVINCE, "/1/5/", EnumSet.of(role));
    }

    private static ModelView model(ModelStatus status, Level recognizedLevel) {
        return new ModelView(
                1L,
                "Mô hình",
                Field.ECONOMY,
                "X",
                "Xã",
                Level.COMMUNE,
                2025,
                HolderType.COLLECTIVE,
                "Hội",
                Origin.NEW,
                null,
                null,
                Dossier.EMPTY,
                status,
                0,
                recognizedLevel,
                null,
                "r",
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                "/1/5/12/");
    }

    @Test
    void appraisersAndApproversMarkAtTheirLevelAndBelow() {
        for (Role role : Role.values()) {
            Actor a = province(role);
            boolean marker = role == Role.APPRAISER || role == Role.APPROVER;
            assertThat(ReplicationPolicy.mayAtAll(a, Act.MARK))
                    .as("%s marks", role)
                    .isEqualTo(marker);
            assertThat(ReplicationPolicy.mayAtAll(a, Act.REPLICATE))
                    .as("%s replicates", role)
                    .isEqualTo(role == Role.REPORTER);
            for (Level level : Level.values()) {
                assertThat(ReplicationPolicy.mayMark(a, level))
                        .as("%s marks at %s", role, level)
                        .isEqualTo(marker && level != Level.CENTRAL);
            }
            assertThat(ReplicationPolicy.markLevels(a)).containsExactly(Level.PROVINCE, Level.DISTRICT, Level.COMMUNE);
        }
        assertThat(ReplicationPolicy.markLevels(StubActor.at(Level.CENTRAL, "/1/", EnumSet.of(Role.APPRAISER))))
                .isEqualTo(List.of(Level.values()));
    }

    @Test
    void theSectionOffersToMarkARecognizedModelAndToReplicateASettledOne() {
        for (Role role : Role.values()) {
            Actor a = province(role);
            for (ModelStatus status : ModelStatus.values()) {
                for (Level recognized : new Level[] {null, Level.COMMUNE}) {
                    ModelView m = model(status, recognized);
                    String what = role + " on a " + status + " model recognized at " + recognized;
                    assertThat(ReplicationPolicy.offers(a, Act.MARK, m))
                            .as(what)
                            .isEqualTo((role == Role.APPRAISER || role == Role.APPROVER)
                                    && recognized != null
                                    && status != ModelStatus.RETIRED);
                    assertThat(ReplicationPolicy.offers(a, Act.REPLICATE, m))
                            .as(what)
                            .isEqualTo(role == Role.REPORTER
                                    && (status == ModelStatus.ACCEPTED
                                            || status == ModelStatus.PROPOSED
                                            || status == ModelStatus.RECOGNIZED));
                }
            }
        }
    }

    @Test
    void aRefusalSaysWhy() {
        assertThatThrownBy(() -> ReplicationPolicy.requireMark(province(Role.REPORTER), Level.COMMUNE))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.denied"));
        assertThatThrownBy(() -> ReplicationPolicy.requireMark(province(Role.APPROVER), Level.CENTRAL))
                .isInstanceOfSatisfying(
                        Problems.Forbidden.class,
                        e -> assertThat(e.messageKey()).isEqualTo("access.levelTooLow"));
        ReplicationPolicy.requireMark(province(Role.APPRAISER), Level.PROVINCE);
    }
}
