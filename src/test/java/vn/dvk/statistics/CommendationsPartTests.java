package vn.dvk.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.shared.VersionedCache;
import vn.dvk.support.Api;
import vn.dvk.support.CacheEntries;
import vn.dvk.support.CachedAnswerTest;
import vn.dvk.support.World;

/**
 * The commendations of a province's count are kept under a version of their own: a registration sent (a change of
 * one year's models) makes the count itself be counted again but reads the commendations from the cache; a
 * commendation issued shows in the next count at once.
 */
class CommendationsPartTests extends CachedAnswerTest {

    @Test
    void aRegistrationLeavesTheCommendationsCachedAndACommendationShowsAtOnce() {
        long id = w.draft(
                "reporterA", World.registration("Hũ gạo tình thương " + w.communeA, w.communeA, "DISTRICT", "ECONOMY"));
        issue("2024-12-10");
        JsonNode before = statistics();
        long kept = parts();

        // when the registration of 2024 is sent in the province, then the count moves and its commendations are the
        // same entry of the cache
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        JsonNode afterRegistration = statistics();

        assertThat(afterRegistration.get("registered").asLong())
                .isEqualTo(before.get("registered").asLong() + 1);
        assertThat(commended(afterRegistration)).isEqualTo(commended(before)).isEqualTo(1);
        assertThat(parts()).isEqualTo(kept).isPositive();

        // when another commendation of 2024 is issued, then the next count has it
        issue("2024-12-20");
        JsonNode afterCommendation = statistics();

        assertThat(commended(afterCommendation)).isEqualTo(2);
        assertThat(afterCommendation.get("registered").asLong())
                .isEqualTo(before.get("registered").asLong() + 1);
        assertThat(parts()).isGreaterThan(kept);
    }

    private JsonNode statistics() {
        Api.Res r = api().get("/api/v1/statistics?unit=" + w.province + "&year=2024", w.token("viewerP"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The province's Bằng khen to collectives, as its count gives them. */
    private static long commended(JsonNode report) {
        JsonNode n = report.get("commendations").get("byForm").get("BANG_KHEN").get("COLLECTIVE");
        return n == null ? 0 : n.asLong();
    }

    /** The entries of the parts cache that hold this province's commendations. */
    private long parts() {
        return CacheEntries.count(caches, VersionedCache.PARTS, k -> k.contains("[count, "));
    }

    private void issue(String date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("form", "BANG_KHEN");
        body.put("recipientType", "COLLECTIVE");
        body.put("recipientName", "Chi hội Phụ nữ thôn 3 " + w.communeA);
        body.put("unitCode", w.communeA);
        body.put("issuerUnitCode", w.province);
        body.put("decisionNumber", Api.unique("QĐ"));
        body.put("decisionDate", date);
        Api.Res issued = api().post("/api/v1/commendations", body, w.token("approverP"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    }
}
