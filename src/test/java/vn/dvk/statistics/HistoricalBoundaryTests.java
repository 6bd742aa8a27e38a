package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * The boundaries of the past place each registration in the tree of its own business date: one registered after
 * its district was dissolved counts under the unit that existed then, never under the dissolved district (issue 18,
 * point 13).
 */
class HistoricalBoundaryTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegistrationAfterItsDistrictWasDissolvedCountsUnderTheUnitOfItsDate() {
        World w = new World(api());
        long before = accepted2025(w);
        long after = accepted2025(w);
        submittedOn(before, "2025-03-10T03:00:00Z");
        submittedOn(after, "2025-09-15T03:00:00Z");

        assertThat(w.api.post(
                                "/api/v1/reorganizations",
                                Map.of(
                                        "type",
                                        "DISSOLVE",
                                        "effectiveDate",
                                        "2025-07-01",
                                        "from",
                                        List.of(w.district),
                                        "to",
                                        List.of(Map.of("code", w.province)),
                                        "note",
                                        "Kết thúc hoạt động cấp huyện"),
                                w.adminToken)
                        .status())
                .isEqualTo(201);

        assertThat(registered(w, w.district, "historical"))
                .as("only the one registered while the district existed")
                .isEqualTo(1);
        assertThat(registered(w, w.province, "historical")).isEqualTo(2);
        assertThat(registered(w, w.communeA, "historical")).isEqualTo(2);
        assertThat(registered(w, w.district, "current")).isZero();
        assertThat(registered(w, w.province, "current")).isEqualTo(2);

        // a registration entered after its year has no day of its own in 2025: it is placed in the tree of the
        // queried unit's last day, as before (the district's 30/06/2025, the province's 31/12/2025)
        long late = accepted2025(w);
        submittedOn(late, "2026-02-01T03:00:00Z");
        assertThat(registered(w, w.district, "historical")).isEqualTo(2);
        assertThat(registered(w, w.province, "historical")).isEqualTo(3);
    }

    private long accepted2025(World w) {
        Map<String, Object> r =
                new LinkedHashMap<>(World.registration("Hiến đất làm đường", w.communeA, "COMMUNE", "ECONOMY"));
        r.put("year", 2025);
        long id = w.draft("reporterA", r);
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    /** The registration was submitted on that day (the test cannot wait for 2025). */
    private void submittedOn(long model, String instant) {
        assertThat(jdbc.update(
                        "update model_model set submitted_at = ?, created_at = ? where id = ?",
                        Timestamp.from(Instant.parse(instant)),
                        Timestamp.from(Instant.parse(instant)),
                        model))
                .isEqualTo(1);
    }

    private static long registered(World w, String unit, String boundary) {
        return w.api.get("/api/v1/statistics?unit=" + unit + "&year=2025&boundary=" + boundary, w.token("viewerP"))
                .json()
                .get("registered")
                .asLong();
    }
}
