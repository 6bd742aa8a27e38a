package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;

/** The round page's public comment section: the organiser opens the window, the board reads and hides comments. */
class PublicCommentPagesTests extends IntegrationTest {

    @Test
    void theOrganiserOpensTheWindowOnThePageAndTheBoardHidesAnAbusiveCommentWithAReason() {
        // given a round with two nominees
        RoundFixture f = new RoundFixture(api());
        f.proposeXandY();
        long round = f.api.post("/api/v1/recognition-rounds", f.round(), f.w.token("approverP"))
                .json()
                .get("id")
                .asLong();
        WebSession approver = WebSession.signedIn(api().base(), f.w.username("approverP"), PASSWORD);
        approver.get("/recognition/rounds/" + round);

        // when the organiser opens it for comment from the page, and a citizen comments
        WebSession.Page opened = approver.post("/recognition/rounds/" + round + "/public-comment", Map.of());
        Api.Res sent = f.api.from("10.66.0.1")
                .post(
                        "/api/v1/public/nominations/" + f.proposalX + "/comments",
                        Map.of("text", "Nội dung <b>xúc phạm</b>", "name", "Người gửi"),
                        null);

        // then the section shows the window and the comment, escaped
        assertThat(opened.status()).isEqualTo(302);
        assertThat(sent.status()).isEqualTo(201);
        WebSession.Page section = approver.get("/recognition/rounds/" + round + "/public-comments");
        assertThat(section.text()).contains("Công khai lấy ý kiến từ").contains("Người gửi");
        assertThat(section.body()).contains("Nội dung &lt;b&gt;xúc phạm&lt;/b&gt;");

        // and when the board hides it with a reason, it stays, marked hidden with who and why
        long id = f.api.get("/api/v1/recognition-proposals/" + f.proposalX + "/public-comments", f.w.token("approverP"))
                .json()
                .get(0)
                .get("id")
                .asLong();
        WebSession.Page hidden = approver.post(
                "/recognition/rounds/" + round + "/public-comments/" + id + "/hide",
                Map.of("proposalId", String.valueOf(f.proposalX), "reason", "Xúc phạm cá nhân"));
        assertThat(hidden.status()).isEqualTo(302);
        assertThat(approver.get("/recognition/rounds/" + round + "/public-comments")
                        .text())
                .contains("đã ẩn bởi " + f.w.username("approverP") + ": Xúc phạm cá nhân");

        // and the round page's decision form asks for a reason while the window is open, beside its field
        approver.get("/recognition/rounds/" + round);
        WebSession.Page early = approver.post(
                "/recognition/rounds/" + round + "/decision",
                Map.of("decisionNumber", "15-QĐ/BCĐ", "decisionDate", "2024-12-05", "declineOthers", "true"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text()).contains("Đang lấy ý kiến công khai").contains("is-invalid");
    }
}
