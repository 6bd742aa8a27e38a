package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 18, point 2: a registration sent back for changes shows the appraiser's latest request (who, when, what) at
 * the top of the model page, of the edit form and in the reporter's "Việc cần làm" — and only while it waits on them.
 */
class ChangeRequestPagesTests extends IntegrationTest {

    private static final String FIRST = "Bổ sung số hộ tham gia.";
    private static final String LATEST = "Nêu rõ kết quả kiểm chứng được: số hộ, số tiền, diện tích. "
            + "Tách phần kinh phí của Nhà nước và phần Nhân dân đóng góp; ghi nguồn số liệu (biên bản họp thôn, "
            + "sổ theo dõi của chi hội) và đính kèm ảnh trước và sau khi làm đường.";

    private World w;
    private long id;

    @BeforeEach
    void sentBackTwice() {
        // given a district-level registration that the district's board sent back, got again, and sent back again
        w = new World(api());
        id = w.draft(
                "reporterA", World.registration("Đường làng sạch " + w.communeA, w.communeA, "DISTRICT", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        assertThat(w.appraise("appraiserD", id, "REQUEST_CHANGES", FIRST).status())
                .isEqualTo(200);
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        assertThat(w.appraise("appraiserD", id, "REQUEST_CHANGES", LATEST).status())
                .isEqualTo(200);
    }

    @Test
    void theLatestRequestForChangesHeadsTheModelPageTheEditFormAndTheToDoLine() {
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        String when = whenLatestRequestWasMade();

        // when the reporter opens the model page
        String page = reporter.get("/models/" + id).text();
        // then a box above the details and the timeline says who asked, when and what, with a way to the form
        String box = box(page);
        assertThat(box)
                .contains("Đơn vị thẩm định đề nghị điều chỉnh")
                .contains("Người dùng appraiserD")
                .contains("Huyện " + w.district.substring(0, w.district.length() - 1))
                .contains(when)
                .contains(LATEST)
                .doesNotContain(FIRST)
                .contains("href=\"/models/" + id + "/edit\"");
        assertThat(page.indexOf("id=\"change-request\""))
                .isLessThan(page.indexOf("id=\"timeline\""))
                .isLessThan(page.indexOf("id=\"actions-h\""));

        // when the reporter opens the edit form, then the same request heads it
        String form = reporter.get("/models/" + id + "/edit").text();
        assertThat(box(form)).contains("Người dùng appraiserD").contains(when).contains(LATEST);
        assertThat(form.indexOf("id=\"change-request\"")).isLessThan(form.indexOf("name=\"title\""));

        // when the reporter opens "Việc cần làm", then the model's line carries the request, shortened
        String home = reporter.get("/").text();
        int line = home.indexOf("href=\"/models/" + id + "\"");
        assertThat(line).isPositive();
        String todo = home.substring(line, home.indexOf("</li>", line));
        assertThat(todo)
                .contains("Cần điều chỉnh")
                .contains("Góp ý của Người dùng appraiserD (" + when + ")")
                .contains(LATEST.substring(0, 100))
                .doesNotContain(LATEST)
                .contains("...");
    }

    @Test
    void theBoxLeavesOnceTheRegistrationIsSubmittedAgain() {
        // given the reporter submitted the registration once more
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        // when anyone opens its page, then no request for changes is shown (the timeline still holds it)
        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        String page = appraiser.get("/models/" + id).text();
        assertThat(page).doesNotContain("id=\"change-request\"").contains(LATEST);
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        assertThat(reporter.get("/").text()).doesNotContain("Góp ý của Người dùng appraiserD");
    }

    private String whenLatestRequestWasMade() {
        JsonNode timeline = w.api.get("/api/v1/models/" + id + "/timeline", w.token("reporterA"))
                .json();
        Instant at = null;
        for (JsonNode e : timeline) {
            if ("APPRAISE_REQUEST_CHANGES".equals(e.get("action").asString())) {
                at = Instant.parse(e.get("at").asString());
            }
        }
        assertThat(at).isNotNull();
        return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at.atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    private static String box(String page) {
        int start = page.indexOf("id=\"change-request\"");
        assertThat(start).as("the request for changes is shown").isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }
}
