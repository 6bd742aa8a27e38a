package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

class AnnualReviewTests extends IntegrationTest {

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
    }

    private long accepted(String reporter, String unit, String title) {
        return w.accepted(reporter, unit, title, "appraiserD");
    }

    private long active(String unit) {
        return api.get("/api/v1/statistics?unit=" + unit + "&year=2025", w.token("viewerP"))
                .json()
                .get("active")
                .asLong();
    }

    private List<String> actions(long id) {
        return api.get("/api/v1/models/" + id + "/timeline", w.token("appraiserD"))
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    private static Map<String, Object> item(long id, String outcome, String comment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modelId", id);
        m.put("outcome", outcome);
        m.put("comment", comment);
        return m;
    }

    @Test
    void aBulkReviewIsAllOrNothingWithEachRefusalOnItsRowAndRetiredModelsLeaveTheActiveCounts() {
        // given three active models of commune A and a draft that is not active
        long keep = accepted("reporterA", w.communeA, "Mô hình duy trì");
        long stop = accepted("reporterA", w.communeA, "Mô hình dừng");
        long spread = accepted("reporterA", w.communeA, "Mô hình nhân rộng");
        w.draft("reporterA", World.registration("Bản nháp", w.communeA, "DISTRICT", "ECONOMY"));
        JsonNode lines = api.get("/api/v1/annual-reviews?unit=" + w.communeA + "&year=2025", w.token("appraiserD"))
                .json();
        assertThat(lines.valueStream()
                        .map(l -> l.get("model").get("id").asLong())
                        .toList())
                .containsExactlyInAnyOrder(keep, stop, spread);
        assertThat(active(w.communeA)).isEqualTo(3);

        // when a batch retires one model without a reason
        Api.Res refused = api.post(
                "/api/v1/annual-reviews",
                Map.of(
                        "year",
                        2025,
                        "items",
                        List.of(
                                item(keep, "MAINTAIN", null),
                                item(stop, "RETIRE", " "),
                                item(spread, "REPLICATE", "Nhân rộng toàn xã"))),
                w.token("appraiserD"));

        // then nothing is saved and the refusal names its row
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("items[1].comment");
        assertThat(actions(keep)).doesNotContain("REVIEW_MAINTAIN");
        assertThat(api.get("/api/v1/models/" + stop, w.token("appraiserD"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");

        // when it is sent again with the reason
        Api.Res applied = api.post(
                "/api/v1/annual-reviews",
                Map.of(
                        "year",
                        2025,
                        "items",
                        List.of(
                                item(keep, "MAINTAIN", null),
                                item(stop, "RETIRE", "Không còn phù hợp"),
                                item(spread, "REPLICATE", "Nhân rộng toàn xã"))),
                w.token("appraiserD"));

        // then all three are reviewed, the retired model leaves the list and the active count
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().get("applied").asInt()).isEqualTo(3);
        JsonNode after = api.get("/api/v1/annual-reviews?unit=" + w.communeA + "&year=2025", w.token("appraiserD"))
                .json();
        assertThat(after.valueStream()
                        .map(l -> l.get("model").get("id").asLong())
                        .toList())
                .containsExactlyInAnyOrder(keep, spread);
        assertThat(after.valueStream().map(l -> l.get("reviewed").asString()).toList())
                .containsExactlyInAnyOrder("MAINTAIN", "REPLICATE");
        assertThat(active(w.communeA)).isEqualTo(2);
        assertThat(api.get("/api/v1/statistics?unit=" + w.communeA + "&year=2025", w.token("viewerP"))
                        .json()
                        .get("retired")
                        .asLong())
                .isEqualTo(1);
        // and a second review of the same year is refused on its row
        Api.Res again = api.post(
                "/api/v1/annual-reviews",
                Map.of("year", 2025, "items", List.of(item(keep, "MAINTAIN", null))),
                w.token("appraiserD"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorFields()).containsExactly("items[0].outcome");
        // and only appraisers covering the unit review
        assertThat(api.get("/api/v1/annual-reviews?unit=" + w.communeA + "&year=2025", w.token("viewerP"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/annual-reviews",
                                Map.of("year", 2025, "items", List.of(item(spread, "RETIRE", "x"))),
                                w.token("reporterA"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void thePageShowsTheRefusalBesideTheRowAndSavesNothing() {
        // given an active model of commune B
        long id = accepted("reporterB", w.communeB, "Mô hình của xã B");
        WebSession board = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        assertThat(board.get("/reviews/annual?unit=" + w.communeB + "&year=2025")
                        .text())
                .contains("Mô hình của xã B");

        // when it is retired without a reason on the page
        WebSession.Page page = board.post(
                "/reviews/annual",
                Map.of(
                        "unit",
                        w.communeB,
                        "year",
                        "2025",
                        "modelId",
                        String.valueOf(id),
                        "outcome",
                        "RETIRE",
                        "comment",
                        ""));

        // then the message is beside the row and nothing is saved
        assertThat(page.status()).isEqualTo(200);
        String body = page.text();
        assertThat(body).contains("Chưa lưu");
        int row = body.indexOf("row-" + id);
        assertThat(row).isPositive();
        assertThat(body.indexOf("form-text-error", row)).isPositive();
        assertThat(body).contains("value=\"RETIRE\" selected");
        assertThat(actions(id)).doesNotContain("REVIEW_RETIRE");

        // when the reason is given, it is saved and the model is no longer listed
        WebSession.Page saved = board.post(
                "/reviews/annual",
                Map.of(
                        "unit",
                        w.communeB,
                        "year",
                        "2025",
                        "modelId",
                        String.valueOf(id),
                        "outcome",
                        "RETIRE",
                        "comment",
                        "Không còn phù hợp"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/models/" + id, w.token("appraiserD"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RETIRED");
    }
}
