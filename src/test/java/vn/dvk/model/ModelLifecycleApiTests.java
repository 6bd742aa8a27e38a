package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

class ModelLifecycleApiTests extends IntegrationTest {

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    @Test
    void aModelGoesFromDraftToRecognitionAndReviewWithEveryStepInItsTimeline() {
        // given a draft registered by a commune reporter for district-level recognition
        long id = w.draft(
                "reporterA", World.registration("Vận động hiến đất làm đường", w.communeA, "DISTRICT", "ECONOMY"));
        Api api = w.api;
        assertThat(api.get("/api/v1/models/" + id, w.token("reporterA"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DRAFT");

        // when it is submitted, sent back for changes, edited, resubmitted and accepted
        assertThat(w.submit("reporterA", id).json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(w.appraise("appraiserD", id, "REQUEST_CHANGES", "Bổ sung số hộ tham gia")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CHANGES_REQUESTED");
        JsonNode current = api.get("/api/v1/models/" + id, w.token("reporterA")).json();
        Map<String, Object> edit =
                World.registration("Vận động 120 hộ hiến đất làm đường", w.communeA, "DISTRICT", "ECONOMY");
        edit.put("version", current.get("version").asLong());
        Api.Res edited = api.put("/api/v1/models/" + id, edit, w.token("reporterA"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Vận động 120 hộ hiến đất làm đường");
        assertThat(w.submit("reporterA", id).json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");

        // and proposed at district level and recognized by the district's approver
        Api.Res proposal = api.post(
                "/api/v1/models/" + id + "/recognition-proposals",
                Map.of("level", "DISTRICT", "year", 2024, "note", "Hiệu quả rõ"),
                w.token("reporterA"));
        assertThat(proposal.status()).isEqualTo(201);
        long proposalId = proposal.json().get("id").asLong();
        Api.Res decision = api.post(
                "/api/v1/recognition-proposals/" + proposalId + "/decision",
                Map.of("decision", "RECOGNIZE", "decisionNumber", "15/QĐ-BCĐ", "decisionDate", "2024-11-20"),
                w.token("approverD"));
        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.json().get("status").asString()).isEqualTo("RECOGNIZED");

        // and reviewed for replication
        Api.Res review = api.post(
                "/api/v1/models/" + id + "/reviews",
                Map.of("year", 2025, "outcome", "REPLICATE", "comment", "Nhân rộng toàn huyện"),
                w.token("appraiserD"));
        assertThat(review.status()).isEqualTo(200);

        // then the model is recognized at district level and its timeline lists each step in order
        JsonNode model = api.get("/api/v1/models/" + id, w.token("reporterA")).json();
        assertThat(model.get("status").asString()).isEqualTo("RECOGNIZED");
        assertThat(model.get("recognizedLevel").asString()).isEqualTo("DISTRICT");
        List<String> actions = api.get("/api/v1/models/" + id + "/timeline", w.token("reporterA"))
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
        assertThat(actions)
                .containsExactly(
                        "CREATE",
                        "SUBMIT",
                        "APPRAISE_REQUEST_CHANGES",
                        "EDIT",
                        "RESUBMIT",
                        "APPRAISE_ACCEPT",
                        "PROPOSE",
                        "RECOGNIZE",
                        "REVIEW_REPLICATE");
    }
}
