package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.progress.OverdueJob;
import vn.dvk.statistics.StatisticsRollup;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Prometheus;
import vn.dvk.support.World;

/**
 * The domain's metrics, as Prometheus scrapes them from {@code /actuator/prometheus} beside the JVM's and HTTP's:
 * each is read before and after the thing it counts.
 */
class DomainMetricsTests extends IntegrationTest {

    private static final String TRANSITIONS = "dvk_model_transitions_total";

    @Autowired
    StatisticsRollup rollup;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void modelTransitionsAreCountedByNameWhenTheyCommit() {
        World w = new World(api());
        Prometheus.Scrape before = scrape(w);

        long id = w.draft("reporterA", World.registration("Mô hình đếm", w.communeA, "COMMUNE", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        assertThat(w.submit("reporterA", id).status())
                .as("a refused transition")
                .isEqualTo(409);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        Prometheus.Scrape after = scrape(w);

        assertThat(increase(before, after, TRANSITIONS, Map.of("transition", "CREATE")))
                .isEqualTo(1);
        assertThat(increase(before, after, TRANSITIONS, Map.of("transition", "SUBMIT")))
                .isEqualTo(1);
        assertThat(increase(before, after, TRANSITIONS, Map.of("transition", "APPRAISE_ACCEPT")))
                .isEqualTo(1);
        assertThat(increase(before, after, TRANSITIONS, Map.of("transition", "APPRAISE_REJECT")))
                .isZero();
    }

    @Test
    void refusedSignInsAndRefusedAccessesAreCounted() {
        World w = new World(api());
        Prometheus.Scrape before = scrape(w);

        Api.Res wrong = api().post(
                        "/api/v1/auth/token",
                        Map.of("username", w.username("reporterA"), "password", "not-the-password-1"),
                        null);
        Api.Res anonymous = api().get("/api/v1/models", null);
        Api.Res forbidden = api().get("/api/v1/audit/verify", w.token("reporterA"));
        Prometheus.Scrape notAdmin = Prometheus.scrape(api().base(), w.token("reporterA"));
        Prometheus.Scrape after = scrape(w);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(increase(before, after, "dvk_signin_failures_total", Map.of("reason", "bad_credentials")))
                .isEqualTo(1);
        assertThat(increase(before, after, "dvk_signin_failures_total", Map.of("reason", "throttled")))
                .isZero();
        // the refused sign-in is a 401 of the API too
        assertThat(increase(before, after, "dvk_access_refused_total", Map.of("chain", "api", "status", "401")))
                .isEqualTo(2);
        assertThat(increase(before, after, "dvk_access_refused_total", Map.of("chain", "api", "status", "403")))
                .isEqualTo(1);
        assertThat(increase(before, after, "dvk_access_refused_total", Map.of("chain", "actuator", "status", "403")))
                .isEqualTo(1);
    }

    @Test
    void exportsAreCountedAndTimedByKind() {
        World w = new World(api());
        w.draft("reporterA", World.registration("Mô hình xuất", w.communeA, "COMMUNE", "ECONOMY"));
        Map<String, String> models = Map.of("kind", "models_xlsx", "outcome", "success");
        Map<String, String> statistics = Map.of("kind", "statistics_xlsx", "outcome", "success");
        Prometheus.Scrape before = scrape(w);

        Api.Bytes list = api().getBytes("/api/v1/models.xlsx?unit=" + w.communeA, w.token("reporterA"));
        Api.Bytes counts =
                api().getBytes("/api/v1/statistics.xlsx?unit=" + w.province + "&year=2024", w.token("viewerP"));
        Prometheus.Scrape after = scrape(w);

        assertThat(list.status()).isEqualTo(200);
        assertThat(counts.status()).isEqualTo(200);
        assertThat(increase(before, after, "dvk_exports_seconds_count", models)).isEqualTo(1);
        assertThat(increase(before, after, "dvk_exports_seconds_count", statistics))
                .isEqualTo(1);
        assertThat(increase(before, after, "dvk_exports_seconds_sum", models)).isPositive();
    }

    @Test
    void scheduledJobsReportTheirRunsAndLastSuccess() {
        World w = new World(api());
        Map<String, String> compact = Map.of("job", "statistics-compact");
        Prometheus.Scrape before = scrape(w);
        double startedAt = System.currentTimeMillis() / 1000.0;

        rollup.compactIfWorthIt();
        Prometheus.Scrape after = scrape(w);

        assertThat(increase(
                        before,
                        after,
                        "dvk_jobs_runs_seconds_count",
                        Map.of("job", "statistics-compact", "outcome", "success")))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("dvk_jobs_last_success_seconds", compact).orElseThrow())
                .isBetween(startedAt - 1, System.currentTimeMillis() / 1000.0 + 1);
        // registered at start-up, before the nightly job first runs
        assertThat(after.value("dvk_jobs_last_success_seconds", Map.of("job", OverdueJob.NAME)))
                .isPresent();
    }

    @Test
    void theAuditChainsLengthIsTheHeadsCount() {
        World w = new World(api());
        long id = w.draft("reporterA", World.registration("Mô hình nhật ký", w.communeA, "COMMUNE", "ECONOMY"));
        Prometheus.Scrape before = scrape(w);

        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        Prometheus.Scrape after = scrape(w);
        Long head = jdbc.queryForObject("select entries from shared_audit_chain_head where id = 1", Long.class);

        assertThat(increase(before, after, "dvk_audit_entries", Map.of())).isEqualTo(1);
        assertThat(after.value("dvk_audit_entries", Map.of())).hasValue(head.doubleValue());
    }

    private Prometheus.Scrape scrape(World w) {
        Prometheus.Scrape s = Prometheus.scrape(api().base(), w.adminToken);
        assertThat(s.status()).isEqualTo(200);
        return s;
    }

    private static double increase(
            Prometheus.Scrape before, Prometheus.Scrape after, String name, Map<String, String> labels) {
        return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
    }
}
