package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Prometheus;
import vn.dvk.support.World;

/**
 * The actuator as a load balancer, a Prometheus server and a stranger see it: probes and health answer anyone with
 * the status only, details are for administrators and the scraper, the scrape for administrators' tokens and the
 * scraper's own secret, which opens nothing else.
 */
class ActuatorTests extends IntegrationTest {

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    @Test
    void probesAnswerAnonymousCallersWithTheStatusOnly() {
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Api.Res r = api().get(path, null);

            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.json().propertyNames()).as(path).containsExactly("status");
            assertThat(r.json().get("status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    void healthAnswersAnonymousCallersWithTheStatusAndTheProbesNamesOnly() {
        Api.Res r = api().get("/actuator/health", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("status", "groups");
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(r.json().get("groups").valueStream().map(JsonNode::asString))
                .containsExactly("liveness", "readiness");
    }

    @Test
    void healthShowsTheDatabaseAndDiskOnlyToAdministrators() {
        JsonNode admin = api().get("/actuator/health", w.adminToken).json();
        JsonNode provinceAdmin =
                api().get("/actuator/health", w.token("adminP")).json();
        JsonNode reporter = api().get("/actuator/health", w.token("reporterA")).json();
        JsonNode badToken = api().get("/actuator/health", "not-a-token").json();

        assertThat(admin.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(admin.get("components")
                        .get("db")
                        .get("details")
                        .get("database")
                        .asString())
                .isNotBlank();
        assertThat(admin.get("components")
                        .get("diskSpace")
                        .get("details")
                        .get("free")
                        .asLong())
                .isPositive();
        assertThat(provinceAdmin.get("components").has("db")).isTrue();
        assertThat(reporter.propertyNames())
                .doesNotContain("components", "details")
                .contains("status");
        assertThat(badToken.propertyNames())
                .doesNotContain("components", "details")
                .contains("status");
    }

    @Test
    void thePrometheusScrapeIsForAdministratorsOnly() {
        Prometheus.Scrape anonymous = Prometheus.scrape(api().base(), null);
        Prometheus.Scrape badToken = Prometheus.scrape(api().base(), "not-a-token");
        Prometheus.Scrape reporter = Prometheus.scrape(api().base(), w.token("reporterA"));
        Prometheus.Scrape viewer = Prometheus.scrape(api().base(), w.token("viewerP"));
        Prometheus.Scrape admin = Prometheus.scrape(api().base(), w.adminToken);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("jvm_");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(reporter.status()).isEqualTo(403);
        assertThat(reporter.body()).doesNotContain("jvm_");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.contentType()).startsWith("text/plain");
        assertThat(admin.samples()).anyMatch(s -> s.name().equals("jvm_memory_used_bytes"));
        // the turns of vn.dvk.web.WorkGate: none waiting with one scrape at a time, some free
        assertThat(admin.value("dvk_http_work_waiting", Map.of())).hasValue(0.0);
        assertThat(admin.value("dvk_http_work_free", Map.of()).orElseThrow()).isPositive();
        assertThat(admin.samples())
                .anyMatch(s -> s.name().equals("http_server_requests_seconds_count")
                        && "/api/v1/units".equals(s.labels().get("uri")));
    }

    @Test
    void requestsAreTimedWholeNotFilterByFilter() {
        api().get("/api/v1/users/me", w.token("reporterA"));
        api().get("/api/v1/users/me", "not-a-token");

        Prometheus.Scrape admin = Prometheus.scrape(api().base(), w.adminToken);

        assertThat(admin.samples())
                .anyMatch(s -> s.name().equals("http_server_requests_seconds_count")
                        && "/api/v1/users/me".equals(s.labels().get("uri"))
                        && "200".equals(s.labels().get("status")));
        assertThat(admin.samples()).anyMatch(s -> s.name().equals("dvk_access_refused_total"));
        assertThat(admin.samples()).noneMatch(s -> s.name().startsWith("spring_security_"));
    }

    @Test
    void theScrapeCredentialScrapesAndSeesHealthDetails() {
        Prometheus.Scrape scraper = Prometheus.scrape(api().base(), SCRAPE_SECRET);
        JsonNode health = api().get("/actuator/health", SCRAPE_SECRET).json();

        assertThat(scraper.status()).isEqualTo(200);
        assertThat(scraper.samples()).anyMatch(s -> s.name().equals("jvm_memory_used_bytes"));
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theScrapeCredentialOpensNothingElse() {
        Prometheus.Scrape wrong = Prometheus.scrape(api().base(), SCRAPE_SECRET + "x");
        Api.Res apiCall = api().get("/api/v1/units", SCRAPE_SECRET);
        Api.Res page = api().get("/", SCRAPE_SECRET);
        Api.Res index = api().get("/actuator", SCRAPE_SECRET);
        Api.Res env = api().get("/actuator/env", SCRAPE_SECRET);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(apiCall.status()).isEqualTo(401);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(index.status()).isEqualTo(403);
        assertThat(env.status()).isEqualTo(403);
    }

    @Test
    void onlyHealthAndPrometheusAreOnTheWeb() {
        assertThat(api().get("/actuator", null).status()).isEqualTo(401);
        assertThat(api().get("/actuator/env", null).status()).isEqualTo(401);
        assertThat(api().get("/actuator/env", w.token("reporterA")).status()).isEqualTo(403);
        for (String hidden : List.of(
                "/actuator/env",
                "/actuator/beans",
                "/actuator/metrics",
                "/actuator/info",
                "/actuator/loggers",
                "/actuator/heapdump")) {
            assertThat(api().get(hidden, w.adminToken).status()).as(hidden).isEqualTo(404);
        }
        JsonNode links = api().get("/actuator", w.adminToken).json().get("_links");
        assertThat(links.propertyNames())
                .contains("health", "prometheus")
                .doesNotContain("env", "beans", "metrics", "info", "loggers", "heapdump");
    }
}
