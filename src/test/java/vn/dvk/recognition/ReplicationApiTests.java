package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

class ReplicationApiTests extends IntegrationTest {

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
    }

    private long accepted(String reporter, String unit, String title, Long from) {
        Map<String, Object> body = World.registration(title, unit, "DISTRICT", "ECONOMY");
        if (from != null) {
            body.put("origin", "REPLICATED");
            body.put("replicatedFromId", from);
        }
        long id = w.draft(reporter, body);
        w.submit(reporter, id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    private long recognized(String title) {
        long id = accepted("reporterA", w.communeA, title, null);
        long p = api.post(
                        "/api/v1/models/" + id + "/recognition-proposals",
                        Map.of("level", "DISTRICT", "year", 2024),
                        w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        api.post(
                "/api/v1/recognition-proposals/" + p + "/decision",
                Map.of("decision", "RECOGNIZE", "decisionNumber", "127-QĐ/BCĐ", "decisionDate", "2024-11-20"),
                w.token("approverD"));
        return id;
    }

    private Api.Res mark(long id, String level, int year, String reason, String who) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level);
        body.put("year", year);
        body.put("reason", reason);
        return api.post("/api/v1/models/" + id + "/replication-marks", body, w.token(who));
    }

    @Test
    void aRecognizedModelIsMarkedForReplicationOnlyByTheBoardsAtThatLevelOrAboveOncePerLevelAndYear() {
        // given a recognized model and an accepted one that is not recognized
        long origin = recognized("Tổ tự quản đường hoa nông thôn mới");
        long plain = accepted("reporterA", w.communeA, "Mô hình chưa công nhận", null);

        // when the province's approver marks it for province-wide replication
        Api.Res marked = mark(origin, "PROVINCE", 2025, "Tỉnh chọn 3 mô hình nhân rộng toàn tỉnh", "approverP");

        // then it is marked once; a reporter, a district board at province level, a blank reason,
        // a second mark at the same level and year, and an unrecognized model are refused
        assertThat(marked.status()).isEqualTo(201);
        assertThat(marked.json().get("level").asString()).isEqualTo("PROVINCE");
        assertThat(mark(origin, "PROVINCE", 2025, "lại", "approverP").status()).isEqualTo(409);
        assertThat(mark(origin, "PROVINCE", 2025, "x", "reporterA").status()).isEqualTo(403);
        assertThat(mark(origin, "PROVINCE", 2025, "x", "appraiserD").status()).isEqualTo(403);
        Api.Res blank = mark(origin, "DISTRICT", 2025, " ", "appraiserD");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorFields()).contains("reason");
        assertThat(mark(plain, "DISTRICT", 2025, "x", "appraiserD").status()).isEqualTo(409);
        assertThat(mark(origin, "DISTRICT", 2025, "Nhân rộng toàn huyện", "appraiserD")
                        .status())
                .isEqualTo(201);
        JsonNode marks = api.get("/api/v1/models/" + origin + "/replication-marks", w.token("reporterA"))
                .json();
        assertThat(marks.valueStream().map(m -> m.get("level").asString()).toList())
                .containsExactly("PROVINCE", "DISTRICT");
        assertThat(api.get("/api/v1/models/" + origin + "/replication-marks", w.token("reporterB"))
                        .status())
                .isEqualTo(404);
        // and the mark is in the model's timeline
        assertThat(api.get("/api/v1/models/" + origin + "/timeline", w.token("reporterA"))
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString())
                        .toList())
                .contains("REPLICATION_MARK");
    }

    @Test
    void anOriginShowsItsSpreadTreeWithEachReplicasUnitStatusAndLastReport() {
        // given an origin in commune A, replicated in commune B, itself replicated again; a draft replica
        long origin = recognized("Dân vận khéo xây dựng nông thôn mới");
        long child = accepted("reporterP", w.communeB, "Nhân rộng ở xã B", origin);
        long grandchild = accepted("reporterB", w.communeB, "Nhân rộng lần hai ở xã B", child);
        Map<String, Object> draft = World.registration("Bản nháp nhân rộng", w.communeB, "DISTRICT", "ECONOMY");
        draft.put("origin", "REPLICATED");
        draft.put("replicatedFromId", origin);
        w.draft("reporterP", draft);
        assertThat(api.post(
                                "/api/v1/models/" + child + "/progress-reports",
                                Map.of(
                                        "asOf",
                                        "2025-06-30",
                                        "indicators",
                                        List.of(Map.of("code", "SO_HO_THAM_GIA", "value", 80))),
                                w.token("reporterB"))
                        .status())
                .isEqualTo(201);

        // when the origin's spread is read
        JsonNode spread = api.get("/api/v1/models/" + origin + "/replicas", w.token("approverP"))
                .json();

        // then it lists the replica and its own replica, depth first, without the draft
        assertThat(spread.valueStream().map(r -> r.get("id").asLong()).toList()).containsExactly(child, grandchild);
        assertThat(spread.get(0).get("depth").asInt()).isEqualTo(1);
        assertThat(spread.get(0).get("unitCode").asString()).isEqualTo(w.communeB);
        assertThat(spread.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(spread.get(0).get("lastReport").asString()).isEqualTo("2025-06-30");
        assertThat(spread.get(1).get("depth").asInt()).isEqualTo(2);
        assertThat(spread.get(1).get("replicatedFromId").asLong()).isEqualTo(child);
        assertThat(spread.get(1).get("lastReport").isNull()).isTrue();

        // and the page section shows the tree; "replicate this model" opens the form prefilled and linked
        WebSession province = WebSession.signedIn(api().base(), w.username("reporterP"), PASSWORD);
        String section = province.get("/models/" + origin + "/replication").text();
        assertThat(section)
                .contains("Nhân rộng ở xã B", "Nhân rộng lần hai ở xã B", "30/06/2025", "/models/new?from=" + origin)
                .doesNotContain("Bản nháp nhân rộng");
        WebSession.Page form = province.get("/models/new?from=" + origin);
        assertThat(form.status()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(form.body()))
                .contains(
                        "value=\"Dân vận khéo xây dựng nông thôn mới\"",
                        "name=\"replicatedFromId\" value=\"" + origin + "\"");
        assertThat(form.body())
                .containsPattern("value=\"REPLICATED\"\\s+selected|selected=\"selected\"\\s+value=\"REPLICATED\"");
        // and a model that is neither recognized nor in the reporter's subtree cannot be the origin
        long other = accepted("reporterA", w.communeA, "Mô hình của xã A", null);
        assertThat(WebSession.signedIn(api().base(), w.username("reporterB"), PASSWORD)
                        .get("/models/new?from=" + other)
                        .status())
                .isEqualTo(404);
    }
}
