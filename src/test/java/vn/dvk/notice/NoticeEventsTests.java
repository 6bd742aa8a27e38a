package vn.dvk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.dvk.imports.ImportFixtures;
import vn.dvk.progress.ReportingDeadlines;
import vn.dvk.recognition.RoundFixture;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;

/**
 * Each event of another module becomes a notice for the right people: a council assignment for the member, a
 * nominee open for comment for its proposer, a decision for the proposer, a report due for the model's reporters
 * (once, however often the nightly job runs), an import finished for its user.
 */
class NoticeEventsTests extends IntegrationTest {

    @Autowired
    ReportingDeadlines deadlines;

    @Test
    void aRoundsStepsAndTheNightlyReminderReachTheirPeople() {
        // given a province round with two proposals (X of commune A, Y of commune B) and its council
        RoundFixture f = new RoundFixture(api());
        Api api = f.api;
        f.proposeXandY();
        String approver = f.w.token("approverP");
        long round = api.post("/api/v1/recognition-rounds", f.round(), approver)
                .json()
                .get("id")
                .asLong();
        assertThat(api.post(
                                "/api/v1/recognition-rounds/" + round + "/members",
                                Map.of("usernames", List.of(f.w.username("scorerP"))),
                                approver)
                        .status())
                .isEqualTo(200);

        // when the proposals are assigned, the round is opened for comment, and X is recognized
        assertThat(api.post("/api/v1/recognition-rounds/" + round + "/assignments", Map.of(), approver)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/recognition-rounds/" + round + "/public-comment", Map.of(), approver)
                        .status())
                .isEqualTo(200);
        Map<String, Object> decision = new LinkedHashMap<>(Map.of(
                "decision",
                "RECOGNIZE",
                "decisionNumber",
                "123-QĐ/BCĐ",
                "decisionDate",
                "2024-12-20",
                "comment",
                "Tiêu biểu",
                "overrideReason",
                "Kịp hội nghị"));
        assertThat(api.post("/api/v1/recognition-proposals/" + f.proposalX + "/decision", decision, approver)
                        .status())
                .isEqualTo(200);

        // then the member is told how many proposals wait, with a link to the round
        JsonNode scorer = notices(api, f.w.token("scorerP"));
        assertThat(scorer).singleElement().satisfies(n -> {
            assertThat(n.get("kind").asString()).isEqualTo("COUNCIL_ASSIGNED");
            assertThat(n.get("detail").asString()).isEqualTo("2 đề nghị cần chấm điểm");
            assertThat(n.get("link").asString()).isEqualTo("/recognition/rounds/" + round);
        });
        // and the reporter of A hears of the window and of the decision with its number; B of its window only
        List<String> a = kinds(notices(api, f.w.token("reporterA")));
        assertThat(a).contains("COMMENT_WINDOW", "PROPOSAL_DECIDED");
        JsonNode decided = find(notices(api, f.w.token("reporterA")), "PROPOSAL_DECIDED");
        assertThat(decided.get("outcome").asString()).isEqualTo("RECOGNIZE");
        assertThat(decided.get("detail").asString()).isEqualTo("123-QĐ/BCĐ — Tiêu biểu");
        assertThat(decided.get("title").asString()).isEqualTo("Mô hình “" + f.titleX + "” đã được công nhận");
        assertThat(find(notices(api, f.w.token("reporterA")), "COMMENT_WINDOW")
                        .get("link")
                        .asString())
                .isEqualTo("/models/" + f.modelX);
        assertThat(kinds(notices(api, f.w.token("reporterB"))))
                .contains("COMMENT_WINDOW")
                .doesNotContain("PROPOSAL_DECIDED");

        // when the nightly job reminds of the reports due within a week, twice (two nights in the window)
        deadlines.remindDue(LocalDate.of(2027, 1, 10));
        deadlines.remindDue(LocalDate.of(2027, 1, 11));

        // then the reporter has one reminder for the model, in English too
        List<JsonNode> due = new ArrayList<>();
        notices(api, f.w.token("reporterA")).forEach(n -> {
            if (n.get("kind").asString().equals("REPORT_DUE")
                    && n.get("link").asString().equals("/models/" + f.modelX)) {
                due.add(n);
            }
        });
        assertThat(due)
                .singleElement()
                .satisfies(n -> assertThat(n.get("detail").asString()).isEqualTo("Kỳ 2026-H2, hạn nộp 15/01/2027"));
        JsonNode en = api.get("/api/v1/notifications?size=100&lang=en", f.w.token("reporterA"))
                .json()
                .get("content");
        assertThat(find(en, "REPORT_DUE").get("title").asString()).startsWith("A progress report on model");
    }

    @Test
    void anImportTellsItsUserWhatWasWritten() {
        // given a reporter of a commune
        vn.dvk.support.World w = new vn.dvk.support.World(api());

        // when it imports one model
        Api.Res r = new Multipart()
                .file("file", "mo-hinh.xlsx", ImportFixtures.oneDraft(w.communeA))
                .post(w.api, "/api/v1/imports/models", w.token("reporterA"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        // then it has a notice naming the file and the counts
        JsonNode n = find(notices(w.api, w.token("reporterA")), "IMPORT_FINISHED");
        assertThat(n.get("title").asString()).isEqualTo("Đã nhập xong tệp “mo-hinh.xlsx”");
        assertThat(n.get("detail").asString()).isEqualTo("1 dòng: 1 tạo mới, 0 không đổi, 0 cập nhật");
        assertThat(n.get("link").asString()).isEqualTo("/imports");
    }

    @Test
    void anAnnualReviewTellsTheModelsPeopleWhatBecameOfIt() {
        // given two accepted models of commune A, registered by its reporter
        vn.dvk.support.World w = new vn.dvk.support.World(api());
        long kept = w.accepted("reporterA", w.communeA, "Mô hình tiếp tục duy trì", "appraiserD");
        long retired = w.accepted("reporterA", w.communeA, "Mô hình không còn hiệu quả", "appraiserD");

        // when the district's annual review keeps one and retires the other with a reason
        Api.Res r = w.api.post(
                "/api/v1/annual-reviews",
                Map.of(
                        "year",
                        2025,
                        "items",
                        List.of(
                                Map.of("modelId", kept, "outcome", "MAINTAIN"),
                                Map.of(
                                        "modelId",
                                        retired,
                                        "outcome",
                                        "RETIRE",
                                        "comment",
                                        "Hộ dân không còn tham gia"))),
                w.token("appraiserD"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        // then the reporter has one notice per model, saying what became of it, the retirement with its reason
        List<JsonNode> reviewed = new ArrayList<>();
        notices(w.api, w.token("reporterA")).forEach(n -> {
            if (n.get("kind").asString().equals("REVIEWED")) {
                reviewed.add(n);
            }
        });
        assertThat(reviewed).hasSize(2);
        JsonNode stop = reviewed.stream()
                .filter(n -> n.get("link").asString().equals("/models/" + retired))
                .findFirst()
                .orElseThrow();
        assertThat(stop.get("outcome").asString()).isEqualTo("RETIRE");
        assertThat(stop.get("title").asString())
                .isEqualTo("Mô hình “Mô hình không còn hiệu quả” qua đánh giá hằng năm: loại bỏ, không còn hoạt động");
        assertThat(stop.get("detail").asString()).isEqualTo("Hộ dân không còn tham gia");
        assertThat(reviewed)
                .anySatisfy(n -> assertThat(n.get("title").asString()).endsWith(": duy trì"));
        // and the reviewer, who made the change, is not told of it
        assertThat(kinds(notices(w.api, w.token("appraiserD")))).doesNotContain("REVIEWED");
    }

    private static JsonNode notices(Api api, String token) {
        return api.get("/api/v1/notifications?size=100", token).json().get("content");
    }

    private static List<String> kinds(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("kind").asString()));
        return out;
    }

    private static JsonNode find(JsonNode list, String kind) {
        for (JsonNode n : list) {
            if (n.get("kind").asString().equals(kind)) {
                return n;
            }
        }
        throw new AssertionError("no " + kind + " in " + list);
    }
}
