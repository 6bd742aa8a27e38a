package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.model.Field;
import vn.dvk.shared.Level;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.TestDatabase;
import vn.dvk.support.World;
import vn.dvk.unit.SystemActor;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The counts of the root and of its direct children come from the deltas the database triggers keep; they must
 * equal the counts taken from the models themselves, and each child in the drill-down must have the figures of its
 * own count — after registrations and appraisals, after the deltas are
 * folded, and after a reorganization moves a commune from one province to another. The shared test database holds
 * every other test's models too, so the comparison covers all of them.
 */
class StatisticsRollupTests extends IntegrationTest {

    @Autowired
    Statistics statistics;

    @Autowired
    StatisticsRollup rollup;

    @Autowired
    UnitDirectory units;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDeltasCountWhatTheModelsCountThroughChangesFoldsAndReorganizations() {
        World w = new World(api());
        World other = new World(api());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String unit = i % 2 == 0 ? w.communeA : w.communeB;
            Map<String, Object> body =
                    World.registration("Mô hình " + i, unit, "COMMUNE", i % 3 == 0 ? "ECONOMY" : "CULTURE_SOCIETY");
            body.put("year", 2024 + i % 2);
            long id = w.draft(i % 2 == 0 ? "reporterA" : "reporterB", body);
            ids.add(id);
            if (i > 0) {
                assertThat(w.submit(i % 2 == 0 ? "reporterA" : "reporterB", id).status())
                        .isEqualTo(200);
            }
        }
        // a registration of the root's own unit: its part of the country's figures is the root's own area
        w.user("reporterTW", "TW", "REPORTER");
        Map<String, Object> central = World.registration("Mô hình của Trung ương", "TW", "CENTRAL", "ECONOMY");
        long centralId = w.draft("reporterTW", central);
        assertThat(w.submit("reporterTW", centralId).status()).isEqualTo(200);
        // an accepted model of 2024 retired in 2025 (written directly: the appraisals below move the data versions)
        jdbc.update(
                "update model_model set appraisal_outcome = 'ACCEPT', status = 'RETIRED', retired_year = 2025"
                        + " where id = ?",
                ids.get(4));
        assertThat(w.appraise("appraiserD", ids.get(1), "ACCEPT", null).status())
                .isEqualTo(200);
        assertThat(w.appraise("appraiserD", ids.get(2), "REJECT", "Chưa đạt").status())
                .isEqualTo(200);
        assertThat(w.appraise("appraiserD", ids.get(3), "REQUEST_CHANGES", "Bổ sung")
                        .status())
                .isEqualTo(200);

        assertThat(registered(w.province, 2024, 2025)).isEqualTo(5);
        assertSame(w.province, other.province);

        rollup.compact();
        assertThat(jdbc.queryForObject("select count(*) from statistics_model_delta where n = 0", Long.class))
                .isZero();
        assertSame(w.province, other.province);

        Map<String, Object> move = Map.of(
                "type",
                "MOVE",
                "effectiveDate",
                "2025-07-01",
                "from",
                List.of(w.communeB),
                "to",
                List.of(Map.of("code", other.district)),
                "note",
                "Sắp xếp");
        assertThat(api().post("/api/v1/reorganizations", move, w.adminToken).status())
                .isEqualTo(201);
        // communeB's two submitted registrations of 2024 and 2025 now count under the other province
        assertThat(registered(w.province, 2024, 2025)).isEqualTo(2);
        assertThat(registered(other.province, 2024, 2025)).isEqualTo(3);
        assertSame(w.province, other.province);
    }

    /**
     * A fold that is due happens on the schedule's call, and on PostgreSQL the deltas are vacuumed after it: the rows it
     * deleted are not left for every count of an area to visit (where autovacuum is off, as on the CI machines).
     */
    @Test
    void aDueFoldFoldsAndVacuumsTheDeltas() throws InterruptedException {
        long area = units.byCode("TW").orElseThrow().id();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < StatisticsRollup.FOLD_AFTER; i++) {
            rows.add(new Object[] {area, 2000 + i % 10});
        }
        // deltas that count nothing (n = 0): the fold drops them, the figures are unchanged
        jdbc.batchUpdate(
                "insert into statistics_model_delta (area_id, reg_year, field, holder_type, origin, level,"
                        + " status, appraisal_outcome, submitted, retired_year, n)"
                        + " values (?, ?, 'ECONOMY', 'COLLECTIVE', 'NEW', 'COMMUNE', 'DRAFT', null, false, null, 0)",
                rows);
        long vacuumsBefore = vacuums();
        rollup.compactIfWorthIt();
        assertThat(jdbc.queryForObject("select count(*) from statistics_model_delta where n = 0", Long.class))
                .isZero();
        if (TestDatabase.postgres()) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (vacuums() == vacuumsBefore && System.nanoTime() < deadline) {
                Thread.sleep(100); // the statistics views may show a finished vacuum a moment later
            }
            assertThat(vacuums()).isGreaterThan(vacuumsBefore);
        }
    }

    private long vacuums() {
        if (!TestDatabase.postgres()) {
            return 0;
        }
        jdbc.execute("select pg_stat_clear_snapshot()");
        Long n = jdbc.queryForObject(
                "select vacuum_count from pg_stat_user_tables" + " where relname = 'statistics_model_delta'",
                Long.class);
        return n == null ? 0 : n;
    }

    private long registered(String province, int from, int to) {
        UnitRef unit = units.byCode(province).orElseThrow();
        assertThat(Statistics.rollup(unit, query(province, from, to, null, null)))
                .isTrue();
        return statistics.count(unit, query(province, from, to, null, null)).registered();
    }

    /** Deltas and models agree for the root and both provinces, over several spans and filters. */
    private void assertSame(String... provinces) {
        UnitRef root = units.byCode("TW").orElseThrow();
        List<String> codes = new ArrayList<>(List.of("TW"));
        codes.addAll(List.of(provinces));
        for (String code : codes) {
            UnitRef unit = units.byCode(code).orElseThrow();
            for (int[] span : new int[][] {{2024, 2024}, {2025, 2025}, {2021, 2025}, {2009, 2030}}) {
                for (Field field : new Field[] {null, Field.ECONOMY}) {
                    for (Level level : new Level[] {null, Level.COMMUNE}) {
                        StatisticsQuery q = query(code, span[0], span[1], field, level);
                        assertThat(statistics.count(unit, q, true))
                                .as("%s %d-%d %s %s", code, span[0], span[1], field, level)
                                .usingRecursiveComparison()
                                .isEqualTo(statistics.count(unit, q, false));
                        // as served (cached; the root's the sum of its areas' parts, each cached per area); the
                        // served answer adds the citizens' ratings, which are not counted from the models
                        assertThat(statistics.count(new SystemActor(root), q))
                                .as("served %s %d-%d %s %s", code, span[0], span[1], field, level)
                                .usingRecursiveComparison()
                                .ignoringFields("feedback")
                                .isEqualTo(statistics.count(unit, q, false));
                        // the trend: each year's totals as that year's own count from the models
                        statistics
                                .byYear(new SystemActor(root), q)
                                .forEach((year, totals) -> assertThat(totals)
                                        .as(
                                                "%s in %d (trend of %d-%d %s %s)",
                                                code, year, span[0], span[1], field, level)
                                        .isEqualTo(statistics
                                                .count(unit, query(code, year, year, field, level), false)
                                                .totals()));
                        // the drill-down (deltas by area under the root, paths below) gives each child its own count
                        for (Statistics.ChildCounts child : statistics.byChild(new SystemActor(root), q)) {
                            StatisticsQuery cq = query(child.unit().code(), span[0], span[1], field, level);
                            StatisticsReport own = statistics.count(child.unit(), cq, false);
                            assertThat(child.counts())
                                    .as("%s under %s", child.unit().code(), code)
                                    .isEqualTo(own.totals());
                            assertThat(child.commendations())
                                    .isEqualTo(own.commendations().byForm().values().stream()
                                            .flatMap(m -> m.values().stream())
                                            .mapToLong(Long::longValue)
                                            .sum());
                        }
                    }
                }
            }
        }
    }

    private static StatisticsQuery query(String unit, int from, int to, Field field, Level level) {
        return new StatisticsQuery(unit, from, to, from != to, level, field, StatisticsQuery.Boundary.CURRENT);
    }
}
