package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

class LadderApiTests extends IntegrationTest {

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
    }

    private long accepted(String title) {
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        w.appraise("appraiserD", id, "ACCEPT", null);
        return id;
    }

    private Api.Res propose(long id, String level, int year) {
        return api.post(
                "/api/v1/models/" + id + "/recognition-proposals",
                Map.of("level", level, "year", year),
                w.token("reporterA"));
    }

    private Api.Res decide(long proposalId, String decision, String number, String date, String approver) {
        return api.post(
                "/api/v1/recognition-proposals/" + proposalId + "/decision",
                Map.of("decision", decision, "decisionNumber", number, "decisionDate", date),
                w.token(approver));
    }

    @Test
    void aModelClimbsTheLadderLevelByLevelAndItsRecognitionsFormAHistoryInLadderOrder() {
        // given an accepted model, declined at district level in 2024
        long id = accepted("Dân vận khéo trong hiến đất làm đường giao thông nông thôn");
        long declined = propose(id, "DISTRICT", 2024).json().get("id").asLong();
        assertThat(decide(declined, "DECLINE", "", "2024-11-20", "approverD").status())
                .isEqualTo(200);

        // when it is proposed again at district level in the same year, it is refused
        Api.Res twice = propose(id, "DISTRICT", 2024);
        assertThat(twice.status()).isEqualTo(409);

        // and when proposed in 2025 and recognized, then proposed and recognized at province level
        long district = propose(id, "DISTRICT", 2025).json().get("id").asLong();
        assertThat(decide(district, "RECOGNIZE", "127-QĐ/BCĐ", "2025-11-20", "approverD")
                        .status())
                .isEqualTo(200);
        Api.Res sameLevel = propose(id, "DISTRICT", 2026);
        assertThat(sameLevel.status()).isEqualTo(400);
        assertThat(sameLevel.errorFields()).contains("level");
        long province = propose(id, "PROVINCE", 2026).json().get("id").asLong();
        assertThat(decide(province, "RECOGNIZE", "15-QĐ/BCĐ", "2026-12-05", "approverP")
                        .status())
                .isEqualTo(200);

        // then the ladder lists commune, district, province, central with the decisions that recognized it
        JsonNode ladder = api.get("/api/v1/models/" + id + "/ladder", w.token("reporterA"))
                .json();
        assertThat(ladder.valueStream().map(r -> r.get("level").asString()).toList())
                .containsExactly("COMMUNE", "DISTRICT", "PROVINCE", "CENTRAL");
        assertThat(ladder.get(0).get("recognitions").size()).isZero();
        JsonNode d = ladder.get(1).get("recognitions");
        assertThat(d.size()).isEqualTo(1);
        assertThat(d.get(0).get("year").asInt()).isEqualTo(2025);
        assertThat(d.get(0).get("decisionNumber").asString()).isEqualTo("127-QĐ/BCĐ");
        assertThat(d.get(0).get("decisionDate").asString()).isEqualTo("2025-11-20");
        assertThat(ladder.get(2)
                        .get("recognitions")
                        .get(0)
                        .get("decisionNumber")
                        .asString())
                .isEqualTo("15-QĐ/BCĐ");
        assertThat(ladder.get(3).get("recognitions").size()).isZero();
        assertThat(api.get("/api/v1/models/" + id, w.token("reporterA"))
                        .json()
                        .get("recognizedLevel")
                        .asString())
                .isEqualTo("PROVINCE");

        // and the model page's section shows them; a reporter of another commune gets 404
        WebSession page = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        String section = page.get("/models/" + id + "/ladder").text();
        assertThat(section).contains("127-QĐ/BCĐ", "20/11/2025", "15-QĐ/BCĐ", "05/12/2026");
        assertThat(section.indexOf("127-QĐ/BCĐ")).isLessThan(section.indexOf("15-QĐ/BCĐ"));
        assertThat(api.get("/api/v1/models/" + id + "/ladder", w.token("reporterB"))
                        .status())
                .isEqualTo(404);
    }
}
