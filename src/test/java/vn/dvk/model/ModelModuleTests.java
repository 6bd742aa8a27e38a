package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;
import vn.dvk.shared.Role;
import vn.dvk.support.StubActor;
import vn.dvk.support.TestDatabase;
import vn.dvk.unit.NewUnit;
import vn.dvk.unit.ReorganizationRequest;
import vn.dvk.unit.ReorganizationType;
import vn.dvk.unit.Reorganizations;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitKind;
import vn.dvk.unit.UnitRef;

/**
 * The model module started with the modules it uses directly (unit, account, document, shared), not the whole
 * application: what it publishes to the modules above it (the {@link ModelAppraised} event, the views
 * {@code model_record} and {@code model_placement}) and what it hears from the unit module (a reorganization moving a
 * model's unit moves the model's area, on PostgreSQL).
 */
@Tag("db")
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class ModelModuleTests {

    /** A database of its own: the modules absent here have Java migrations of their own (see UnitModuleTests). */
    private static final String DATABASE = TestDatabase.fresh("modelmodule");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, DATABASE);
    }

    @Autowired
    ModelRegistry registry;

    @Autowired
    UnitDirectory units;

    @Autowired
    Reorganizations reorganizations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAppraisalIsPublishedAndTheViewsShowWhereTheModelStandsAndWhereItSits(PublishedEvents events) {
        // given a province, a commune of it, and a central reporter and appraiser
        UnitRef root = units.ensureRoot();
        Actor admin = StubActor.admin(root.id(), root.path());
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UnitRef province =
                units.create(admin, new NewUnit("MP" + tag, "Tỉnh " + tag, Level.PROVINCE, UnitKind.AREA, root.code()));
        UnitRef commune = units.create(
                admin, new NewUnit("MX" + tag, "Xã " + tag, Level.COMMUNE, UnitKind.AREA, province.code()));
        Actor reporter = new StubActor(901L, "bc" + tag, root.id(), root.path(), Set.of(Role.REPORTER));
        Actor appraiser = new StubActor(902L, "td" + tag, root.id(), root.path(), Set.of(Role.APPRAISER));

        // when a model of the commune is registered, submitted and accepted
        ModelView m = registry.register(
                reporter,
                new ModelRegistration(
                        "Trồng hồi cùng 120 hộ " + tag,
                        Field.ECONOMY,
                        commune.code(),
                        Level.PROVINCE,
                        2024,
                        HolderType.COLLECTIVE,
                        "Hội Nông dân xã",
                        Origin.NEW,
                        null,
                        "Vận động 120 hộ trồng hồi.",
                        null));
        registry.submit(reporter, m.id());
        registry.appraise(appraiser, m.id(), AppraisalDecision.ACCEPT, "Đạt");

        // then the modules above hear of the acceptance, once, with its decision and who took it
        assertThat(events.ofType(ModelAppraised.class).matching(e -> e.modelId().equals(m.id())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.decision()).isEqualTo(AppraisalDecision.ACCEPT);
                    assertThat(e.appraiser()).isEqualTo(appraiser.username());
                    assertThat(e.unitCode()).isEqualTo(commune.code());
                    assertThat(e.at()).isNotNull();
                });
        // and the published views say where it stands and where it sits
        assertThat(jdbc.queryForObject("select status from model_record where id = ?", String.class, m.id()))
                .isEqualTo("ACCEPTED");
        assertThat(jdbc.queryForObject(
                        "select unit_path from model_placement where model_id = ?", String.class, m.id()))
                .isEqualTo(commune.path());

        if (TestDatabase.postgres()) {
            // and on PostgreSQL its area is its province
            assertThat(area(m.id())).isEqualTo(province.id());
        }
    }

    @Test
    void aModelsAreaFollowsItsUnitWhenAReorganizationMovesIt() {
        // given two provinces and a model of a commune of the first
        UnitRef root = units.ensureRoot();
        Actor admin = StubActor.admin(root.id(), root.path());
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UnitRef first = units.create(
                admin, new NewUnit("NA" + tag, "Tỉnh A " + tag, Level.PROVINCE, UnitKind.AREA, root.code()));
        UnitRef second = units.create(
                admin, new NewUnit("NB" + tag, "Tỉnh B " + tag, Level.PROVINCE, UnitKind.AREA, root.code()));
        UnitRef commune =
                units.create(admin, new NewUnit("NC" + tag, "Xã C " + tag, Level.COMMUNE, UnitKind.AREA, first.code()));
        Actor reporter = new StubActor(903L, "bc2" + tag, root.id(), root.path(), Set.of(Role.REPORTER));
        ModelView m = registry.register(
                reporter,
                new ModelRegistration(
                        "Hiến đất làm đường " + tag,
                        Field.CULTURE_SOCIETY,
                        commune.code(),
                        Level.COMMUNE,
                        2025,
                        HolderType.COLLECTIVE,
                        "Ban công tác Mặt trận thôn",
                        Origin.NEW,
                        null,
                        "Vận động các hộ hiến đất.",
                        null));

        // when the commune moves under the second province
        reorganizations.apply(
                admin,
                new ReorganizationRequest(
                        ReorganizationType.MOVE,
                        LocalDate.now(),
                        List.of(commune.code()),
                        List.of(new ReorganizationRequest.Target(second.code(), null, null, null, null)),
                        "Điều chuyển thử"));

        // then the model sits under the second province in the published view
        String path =
                jdbc.queryForObject("select unit_path from model_placement where model_id = ?", String.class, m.id());
        assertThat(path).startsWith(second.path());
        if (TestDatabase.postgres()) {
            // and on PostgreSQL its area (the search's province) is the second province
            assertThat(area(m.id())).isEqualTo(second.id());
        }
    }

    private Long area(long modelId) {
        return jdbc.queryForObject("select area_id from model_model where id = ?", Long.class, modelId);
    }
}
