package vn.dvk.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.recognition.RoundFixture;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;

/** Nominees open for comment: the window, the comments inside and outside it, the decision that waits, moderation. */
class NominationsApiTests extends IntegrationTest {

    private RoundFixture f;
    private Api api;
    private long round;

    @BeforeEach
    void world() {
        f = new RoundFixture(api());
        api = f.api;
        f.proposeXandY();
        round = api.post("/api/v1/recognition-rounds", f.round(), f.w.token("approverP"))
                .json()
                .get("id")
                .asLong();
    }

    private Api.Res open(Map<String, Object> body, String who) {
        return api.post("/api/v1/recognition-rounds/" + round + "/public-comment", body, f.w.token(who));
    }

    private Api.Res comment(long proposal, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("name", "Nguyễn Văn Dân");
        body.put("contact", "0912 345 678");
        return api.from("10.55.0." + (1 + new Random().nextInt(250)))
                .post("/api/v1/public/nominations/" + proposal + "/comments", body, null);
    }

    @Test
    void theOrganiserOpensAWindowAnyoneCommentsInsideItAndADecisionWaitsUnlessItGivesAReason() {
        // when a reporter tries to open the round for comment, and then its organiser does, naming no dates
        Api.Res refused = open(Map.of(), "reporterA");
        Api.Res opened = open(Map.of(), "approverP");

        // then only the organiser may, and the window runs from today for 10 working days
        assertThat(refused.status()).isIn(403, 404);
        assertThat(opened.status()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(opened.json().get("opens").asString()).isEqualTo(today.toString());
        assertThat(LocalDate.parse(opened.json().get("closes").asString())).isAfterOrEqualTo(today.plusDays(12));

        // and anyone sees the nominees with the closing date, and may comment on them
        JsonNode nominees = api.get("/api/v1/public/nominations", null).json();
        JsonNode x = nominees.valueStream()
                .filter(n -> n.get("proposalId").asLong() == f.proposalX)
                .findFirst()
                .orElseThrow();
        assertThat(x.get("title").asString()).isEqualTo(f.titleX);
        assertThat(x.get("closes").asString())
                .isEqualTo(opened.json().get("closes").asString());
        assertThat(comment(f.proposalX, "Mô hình có thật, bà con được lợi.").status())
                .isEqualTo(201);
        Api.Res empty = comment(f.proposalX, " ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("text");

        // and the board reads the comment with who sent it
        JsonNode comments = api.get(
                        "/api/v1/recognition-proposals/" + f.proposalX + "/public-comments", f.w.token("appraiserP"))
                .json();
        assertThat(comments.size()).isEqualTo(1);
        assertThat(comments.get(0).get("name").asString()).isEqualTo("Nguyễn Văn Dân");
        assertThat(api.get("/api/v1/recognition-proposals/" + f.proposalX + "/public-comments", null)
                        .status())
                .isEqualTo(401);

        // and a decision while the window is open is refused, naming overrideReason; with a reason it is taken
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("decision", "DECLINE", "comment", "Chưa đạt"));
        Api.Res early = api.post(
                "/api/v1/recognition-proposals/" + f.proposalY + "/decision", decision, f.w.token("approverP"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.errorFields()).containsExactly("overrideReason");
        decision.put("overrideReason", "Đơn vị xin rút đề nghị.");
        assertThat(api.post(
                                "/api/v1/recognition-proposals/" + f.proposalY + "/decision",
                                decision,
                                f.w.token("approverP"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void outsideItsWindowACommentIsAConflictAndAProposalNeverPublishedIsNotFound() {
        // given a window that closed in 2025
        assertThat(open(Map.of("opens", "2025-01-06", "closes", "2025-01-17"), "approverP")
                        .status())
                .isEqualTo(200);

        // when someone comments on a nominee of it
        Api.Res late = comment(f.proposalX, "Muộn rồi");

        // then it is a conflict, and the nominee is no longer listed
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/public/nominations", null).body())
                .doesNotContain("\"proposalId\":" + f.proposalX + ",");
        // and a window that ends before it starts is refused naming closes
        Api.Res backwards = open(Map.of("opens", "2025-01-17", "closes", "2025-01-06"), "approverP");
        assertThat(backwards.errorFields()).containsExactly("closes");
        // and a proposal of no window is not found
        assertThat(comment(999999999L, "Không có").status()).isEqualTo(404);
    }

    @Test
    void theBoardHidesAnAbusiveCommentWithAReasonAndKeepsIt() {
        // given an open window and an abusive comment
        open(Map.of(), "approverP");
        comment(f.proposalX, "Lời lẽ xúc phạm cán bộ");
        String list = "/api/v1/recognition-proposals/" + f.proposalX + "/public-comments";
        long id = api.get(list, f.w.token("appraiserP")).json().get(0).get("id").asLong();
        String hide = list + "/" + id + "/hide";

        // when a reporter tries to hide it, the board tries without a reason, then with one
        Api.Res reporter = api.post(hide, Map.of("reason", "x"), f.w.token("reporterA"));
        Api.Res noReason = api.post(hide, Map.of("reason", ""), f.w.token("appraiserP"));
        Api.Res hidden = api.post(hide, Map.of("reason", "Xúc phạm cá nhân"), f.w.token("appraiserP"));

        // then only the board with a reason hides it, and the comment is kept, marked hidden with who and why
        assertThat(reporter.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(hidden.status()).isEqualTo(200);
        JsonNode kept = api.get(list, f.w.token("approverP")).json().get(0);
        assertThat(kept.get("hidden").asBoolean()).isTrue();
        assertThat(kept.get("hiddenReason").asString()).isEqualTo("Xúc phạm cá nhân");
        assertThat(kept.get("hiddenBy").asString()).isEqualTo(f.w.username("appraiserP"));
        assertThat(kept.get("text").asString()).isEqualTo("Lời lẽ xúc phạm cán bộ");
    }
}
