package vn.dvk.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
import vn.dvk.support.TestDatabase;

/**
 * The unit module started alone with the modules it uses directly (Spring Modulith's {@code @ApplicationModuleTest}),
 * not the whole application: what it publishes to the others, the event of a reorganization and the view
 * {@code unit_scope} that their SQL reads, follows a move of a unit.
 */
@Tag("db")
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class UnitModuleTests {

    /**
     * A database of its own: the other modules' Java migrations (the model's search backfill) are their beans, absent
     * here, so the database the whole application migrated in this JVM would not validate.
     */
    private static final String DATABASE = TestDatabase.fresh("unitmodule");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, DATABASE);
    }

    @Autowired
    UnitDirectory units;

    @Autowired
    Reorganizations reorganizations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMoveIsPublishedToTheOtherModulesAndThePublishedScopeFollowsIt(PublishedEvents events) {
        // given two provinces and a commune of the first
        UnitRef root = units.ensureRoot();
        Actor system = new SystemActor(root);
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UnitRef a = units.create(
                system, new NewUnit("MA" + tag, "Tỉnh A " + tag, Level.PROVINCE, UnitKind.AREA, root.code()));
        UnitRef b = units.create(
                system, new NewUnit("MB" + tag, "Tỉnh B " + tag, Level.PROVINCE, UnitKind.AREA, root.code()));
        UnitRef commune =
                units.create(system, new NewUnit("MC" + tag, "Xã C " + tag, Level.COMMUNE, UnitKind.AREA, a.code()));
        assertThat(scopePath(commune.code())).isEqualTo(a.path() + commune.id() + "/");

        // when the commune moves under the second province
        reorganizations.apply(
                system,
                new ReorganizationRequest(
                        ReorganizationType.MOVE,
                        LocalDate.now(),
                        List.of(commune.code()),
                        List.of(new ReorganizationRequest.Target(b.code(), null, null, null, null)),
                        "Điều chuyển thử"));

        // then the other modules hear of it, with the unit that moved
        assertThat(events.ofType(UnitsReorganized.class).matching(e -> e.type() == ReorganizationType.MOVE))
                .singleElement()
                .satisfies(e -> assertThat(e.moved())
                        .extracting(UnitsReorganized.Moved::code)
                        .containsExactly(commune.code()));
        // and the view their SQL reads places it under the second province
        assertThat(scopePath(commune.code())).isEqualTo(b.path() + commune.id() + "/");
        assertThat(jdbc.queryForObject(
                        "select count(*) from unit_scope where path like ?", Integer.class, b.path() + "%"))
                .isEqualTo(2);
    }

    private String scopePath(String code) {
        return jdbc.queryForObject("select path from unit_scope where code = ?", String.class, code);
    }
}
