package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Whatever a client sends, the API answers a 4xx problem naming the field at fault, never a 500, and
 * saves nothing half-way; illegal moves and lost races are 409.
 */
class BadInputApiTests extends IntegrationTest {

    private World w;
    private Api api;
    private String reporter;
    private ExecutorService pool;

    @BeforeEach
    void world() {
        w = new World(api());
        api = w.api;
        reporter = w.token("reporterA");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aRegistrationMissingEveryRequiredFieldNamesEachOneAndSavesNothing() {
        // given the models of the province, drafts included
        long before = modelCount();

        // when an empty object is posted
        Api.Res r = api.post("/api/v1/models", Map.of(), reporter);

        // then each required field is named, with a readable message, and nothing is saved
        assertBadRequest(r);
        assertThat(r.errorFields())
                .containsExactlyInAnyOrder(
                        "title", "field", "unitCode", "level", "year", "holderType", "holderName", "origin");
        r.json()
                .get("errors")
                .forEach(e -> assertThat(e.get("message").asString()).doesNotContain("validation."));
        assertThat(modelCount()).isEqualTo(before);

        // and blank text counts as missing
        Map<String, Object> blank = valid();
        blank.put("title", "   ");
        blank.put("holderName", "");
        Api.Res b = api.post("/api/v1/models", blank, reporter);
        assertBadRequest(b);
        assertThat(b.errorFields()).containsExactlyInAnyOrder("title", "holderName");
        assertThat(modelCount()).isEqualTo(before);
    }

    @Test
    void wrongTypesAndValuesNameTheirField() {
        // given the models of the province, drafts included
        long before = modelCount();

        // when a field holds a value outside its enum, text stands for a number, or values are out of range
        Map<String, Object> mining = valid();
        mining.put("field", "MINING");
        Map<String, Object> textYear = valid();
        textYear.put("year", "abc");
        Map<String, Object> oldYear = valid();
        oldYear.put("year", 1800);
        Map<String, Object> longTitle = valid();
        longTitle.put("title", "Dân vận khéo ".repeat(20_000).substring(0, 200_000));
        Map<String, Object> longSummary = valid();
        longSummary.put("summary", "x".repeat(20_001));
        Map<String, Object> unknownUnit = valid();
        unknownUnit.put("unitCode", Api.unique("KHONG-CO"));
        Map<String, Object> badLevel = valid();
        badLevel.put("level", "VILLAGE");
        Map<String, Object> belowUnit = valid();
        belowUnit.put("unitCode", w.district);
        belowUnit.put("level", "COMMUNE");
        Map<String, Object> replicaWithoutOrigin = valid();
        replicaWithoutOrigin.put("origin", "REPLICATED");
        Map<String, Object> originOnNew = valid();
        originOnNew.put("replicatedFromId", 1);

        // then each answer is 400 naming exactly that field
        expectField(api.post("/api/v1/models", mining, reporter), "field");
        expectField(api.post("/api/v1/models", textYear, reporter), "year");
        expectField(api.post("/api/v1/models", oldYear, reporter), "year");
        expectField(api.post("/api/v1/models", longTitle, reporter), "title");
        expectField(api.post("/api/v1/models", longSummary, reporter), "summary");
        expectField(api.post("/api/v1/models", unknownUnit, reporter), "unitCode");
        expectField(api.post("/api/v1/models", badLevel, reporter), "level");
        expectField(api.post("/api/v1/models", belowUnit, w.token("reporterP")), "level");
        expectField(api.post("/api/v1/models", replicaWithoutOrigin, reporter), "replicatedFromId");
        expectField(api.post("/api/v1/models", originOnNew, reporter), "replicatedFromId");
        // and none of them was saved
        assertThat(modelCount()).isEqualTo(before);
    }

    @Test
    void aRegistrationYearBeyondNextYearIsATypingMistake() {
        // issue 18, point 7: 2099 was accepted; a board registers this year's models, and next year's from autumn
        long before = modelCount();
        int next = LocalDate.now().getYear() + 1;
        Map<String, Object> far = valid();
        far.put("year", 2099);
        Map<String, Object> afterNext = valid();
        afterNext.put("year", next + 1);
        Api.Res refused = api.post("/api/v1/models", far, reporter);
        expectField(refused, "year");
        assertThat(refused.body()).contains("Năm đăng ký không được sau năm " + next);
        expectField(api.post("/api/v1/models", afterNext, reporter), "year");
        assertThat(modelCount()).isEqualTo(before);

        Map<String, Object> nextYear = valid();
        nextYear.put("year", next);
        Api.Res accepted = api.post("/api/v1/models", nextYear, reporter);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);

        // the page says it beside the field and keeps what was typed; its field offers no later year
        vn.dvk.support.WebSession page =
                vn.dvk.support.WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        assertThat(page.get("/models/new").body()).containsPattern("id=\"year\"[^>]*max=\"" + next + "\"");
        vn.dvk.support.WebSession.Page form = page.post(
                "/models",
                Map.of(
                        "title",
                        "Mô hình năm 2099",
                        "field",
                        "ECONOMY",
                        "unitCode",
                        w.communeA,
                        "level",
                        "DISTRICT",
                        "year",
                        "2099",
                        "holderType",
                        "COLLECTIVE",
                        "holderName",
                        "Chi hội phụ nữ thôn 5",
                        "origin",
                        "NEW",
                        "summary",
                        ""));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text())
                .contains("id=\"year-error\"")
                .contains("Năm đăng ký không được sau năm " + next)
                .contains("Chi hội phụ nữ thôn 5");
        assertThat(modelCount()).isEqualTo(before + 1);
    }

    @Test
    void malformedBodiesAreRefusedWithoutA500() {
        // given the models of the province, drafts included
        long before = modelCount();

        // when the body is not JSON, is cut short, is the wrong JSON type, is empty, or is not JSON at all
        List<Api.Res> answers = List.of(
                api.postRaw("/api/v1/models", "{\"title\": \"Thiếu ngoặc\", ", reporter),
                api.postRaw("/api/v1/models", "{title: 'x'}", reporter),
                api.postRaw("/api/v1/models", "[1, 2, 3]", reporter),
                api.postRaw("/api/v1/models", "", reporter),
                api.postRaw("/api/v1/models", "null", reporter),
                api.postRaw("/api/v1/models", "\"chuỗi\"", reporter));

        // then each is a 400 problem, and nothing is saved
        answers.forEach(this::assertBadRequest);
        assertThat(modelCount()).isEqualTo(before);
    }

    @Test
    void anUnknownModelIs404AndANonNumericIdIs400() {
        // given an id that no model has
        long missing = Long.MAX_VALUE - 7;

        // when it is read, edited, submitted, appraised, proposed, reviewed and its timeline asked for
        Map<String, Object> edit = valid();
        edit.put("version", 0);
        List<Api.Res> answers = List.of(
                api.get("/api/v1/models/" + missing, reporter),
                api.put("/api/v1/models/" + missing, edit, reporter),
                api.post("/api/v1/models/" + missing + "/submit", null, reporter),
                w.appraise("appraiserD", missing, "ACCEPT", null),
                api.post(
                        "/api/v1/models/" + missing + "/recognition-proposals",
                        Map.of("level", "DISTRICT", "year", 2024),
                        reporter),
                api.post(
                        "/api/v1/models/" + missing + "/reviews",
                        Map.of("year", 2024, "outcome", "MAINTAIN"),
                        w.token("appraiserD")),
                api.get("/api/v1/models/" + missing + "/timeline", reporter),
                api.post(
                        "/api/v1/recognition-proposals/" + missing + "/decision",
                        Map.of("decision", "DECLINE"),
                        w.token("approverP")));

        // then each is 404 problem
        answers.forEach(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        // and a non-numeric id names the path variable
        expectField(api.get("/api/v1/models/abc", reporter), "id");
        expectField(api.post("/api/v1/models/12abc/submit", null, reporter), "id");
    }

    @Test
    void illegalTransitionsAre409AndChangeNothing() {
        // given a draft, and a user of the district who both reports and appraises (so it can see drafts)
        long draft = w.draft("reporterA", valid());
        w.user("reporterAppraiserD", w.district, "REPORTER", "APPRAISER");

        // when the draft is appraised
        Api.Res appraiseDraft = w.appraise("reporterAppraiserD", draft, "ACCEPT", null);
        // then it is an illegal move for whoever may see it, and invisible (404) to a board that sees no drafts
        assertConflict(appraiseDraft);
        assertThat(w.appraise("appraiserD", draft, "ACCEPT", null).status()).isEqualTo(404);
        assertThat(status(draft)).isEqualTo("DRAFT");

        // when it is submitted twice
        assertThat(w.submit("reporterA", draft).status()).isEqualTo(200);
        Api.Res again = w.submit("reporterA", draft);
        // then the second submission is a conflict
        assertConflict(again);
        assertThat(actions(draft)).containsExactly("CREATE", "SUBMIT");

        // when it is edited after being accepted
        assertThat(w.appraise("appraiserD", draft, "ACCEPT", null).status()).isEqualTo(200);
        JsonNode accepted = api.get("/api/v1/models/" + draft, reporter).json();
        Map<String, Object> edit = valid();
        edit.put("title", "Sửa sau khi đã ghi nhận");
        edit.put("version", accepted.get("version").asLong());
        Api.Res late = api.put("/api/v1/models/" + draft, edit, reporter);
        // then it is a conflict and the title is as accepted
        assertConflict(late);
        JsonNode after = api.get("/api/v1/models/" + draft, reporter).json();
        assertThat(after.get("title").asString())
                .isEqualTo(accepted.get("title").asString());
        assertThat(after.get("version").asLong())
                .isEqualTo(accepted.get("version").asLong());

        // when a rejected model is proposed for recognition
        long rejected = submitted();
        assertThat(w.appraise("appraiserD", rejected, "REJECT", "Không đạt").status())
                .isEqualTo(200);
        Api.Res propose = api.post(
                "/api/v1/models/" + rejected + "/recognition-proposals",
                Map.of("level", "DISTRICT", "year", 2024),
                reporter);
        // then it is a conflict and no proposal exists
        assertConflict(propose);
        assertThat(api.get("/api/v1/models/" + rejected + "/recognition-proposals", reporter)
                        .json())
                .isEmpty();
        assertThat(status(rejected)).isEqualTo("REJECTED");
        // and a rejected model cannot be resubmitted either
        assertConflict(w.submit("reporterA", rejected));
    }

    @Test
    void aStaleVersionOnEditIs409AndKeepsTheFirstEdit() {
        // given a draft that two people opened at the same version
        long id = w.draft("reporterA", valid());
        long version =
                api.get("/api/v1/models/" + id, reporter).json().get("version").asLong();
        Map<String, Object> first = valid();
        first.put("title", "Bản sửa thứ nhất");
        first.put("version", version);
        Map<String, Object> second = valid();
        second.put("title", "Bản sửa thứ hai");
        second.put("version", version);

        // when both save, one after the other
        Api.Res ok = api.put("/api/v1/models/" + id, first, reporter);
        Api.Res stale = api.put("/api/v1/models/" + id, second, reporter);

        // then the first wins and the second is a conflict
        assertThat(ok.status()).isEqualTo(200);
        assertConflict(stale);
        JsonNode now = api.get("/api/v1/models/" + id, reporter).json();
        assertThat(now.get("title").asString()).isEqualTo("Bản sửa thứ nhất");
        assertThat(now.get("version").asLong()).isGreaterThan(version);
        assertThat(actions(id)).containsExactly("CREATE", "EDIT");

        // and an edit without a version, or with text for it, is a 400 on "version"
        Map<String, Object> noVersion = valid();
        expectField(api.put("/api/v1/models/" + id, noVersion, reporter), "version");
        Map<String, Object> textVersion = valid();
        textVersion.put("version", "mới nhất");
        expectField(api.put("/api/v1/models/" + id, textVersion, reporter), "version");
        assertThat(api.get("/api/v1/models/" + id, reporter).json().get("title").asString())
                .isEqualTo("Bản sửa thứ nhất");
    }

    @Test
    void twoSimultaneousAppraisalsOfOneModelGiveOne200AndOne409() throws Exception {
        String district = w.token("appraiserD");
        String province = w.token("appraiserP");
        for (int round = 0; round < 10; round++) {
            // given a submitted registration
            long id = submitted();

            // when the district's and the province's boards appraise it at the same moment, differently
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            Future<Api.Res> accept = pool.submit(() -> {
                ready.countDown();
                go.await();
                return api.post("/api/v1/models/" + id + "/appraisal", Map.of("decision", "ACCEPT"), district);
            });
            Future<Api.Res> reject = pool.submit(() -> {
                ready.countDown();
                go.await();
                return api.post(
                        "/api/v1/models/" + id + "/appraisal",
                        Map.of("decision", "REJECT", "comment", "Không đạt"),
                        province);
            });
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            Api.Res a = accept.get(60, TimeUnit.SECONDS);
            Api.Res r = reject.get(60, TimeUnit.SECONDS);

            // then exactly one wins, the other is a 409 problem, and the model shows the winner's decision
            List<Integer> statuses = new ArrayList<>(List.of(a.status(), r.status()));
            assertThat(statuses)
                    .as("round " + round + ": " + a.body() + " / " + r.body())
                    .containsExactlyInAnyOrder(200, 409);
            Api.Res loser = a.status() == 409 ? a : r;
            assertThat(loser.contentType()).startsWith("application/problem+json");
            String expected = a.status() == 200 ? "ACCEPTED" : "REJECTED";
            assertThat(status(id)).as("round " + round).isEqualTo(expected);
            // and the timeline holds exactly one appraisal
            assertThat(actions(id).stream()
                            .filter(x -> x.startsWith("APPRAISE_"))
                            .toList())
                    .as("round " + round)
                    .containsExactly(a.status() == 200 ? "APPRAISE_ACCEPT" : "APPRAISE_REJECT");
        }
    }

    @Test
    void proposingTheSameModelTwiceAtOneLevelAndYearIs409() {
        // given an accepted model proposed at district level for 2024
        long id = submitted();
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        Map<String, Object> proposal = Map.of("level", "DISTRICT", "year", 2024, "note", "Lần một");
        assertThat(api.post("/api/v1/models/" + id + "/recognition-proposals", proposal, reporter)
                        .status())
                .isEqualTo(201);

        // when it is proposed again at the same level and year, by the reporter and by the board
        Api.Res again = api.post("/api/v1/models/" + id + "/recognition-proposals", proposal, reporter);
        Api.Res byBoard = api.post("/api/v1/models/" + id + "/recognition-proposals", proposal, w.token("appraiserD"));

        // then both are conflicts and there is still one proposal
        assertConflict(again);
        assertConflict(byBoard);
        assertThat(api.get("/api/v1/models/" + id + "/recognition-proposals", reporter)
                        .json())
                .hasSize(1);

        // and after the proposal is declined, the same level and year cannot be proposed again
        long first = api.get("/api/v1/models/" + id + "/recognition-proposals", reporter)
                .json()
                .get(0)
                .get("id")
                .asLong();
        assertThat(api.post(
                                "/api/v1/recognition-proposals/" + first + "/decision",
                                Map.of("decision", "DECLINE", "comment", "Chưa đạt"),
                                w.token("approverD"))
                        .status())
                .isEqualTo(200);
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertConflict(api.post("/api/v1/models/" + id + "/recognition-proposals", proposal, reporter));
        assertThat(api.get("/api/v1/models/" + id + "/recognition-proposals", reporter)
                        .json())
                .hasSize(1);
        assertThat(status(id)).isEqualTo("ACCEPTED");
    }

    @Test
    void badTransitionBodiesNameTheirField() {
        // given a submitted model
        long id = submitted();

        // when the appraisal, proposal and decision bodies are wrong
        expectField(w.appraise("appraiserD", id, "MAYBE", null), "decision");
        expectField(api.post("/api/v1/models/" + id + "/appraisal", Map.of(), w.token("appraiserD")), "decision");
        expectField(w.appraise("appraiserD", id, "REQUEST_CHANGES", "  "), "comment");
        expectField(w.appraise("appraiserD", id, "REJECT", null), "comment");

        // then nothing moved
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(actions(id)).containsExactly("CREATE", "SUBMIT");

        // and once accepted, a proposal with a year of 1800, no level, or a year before registration is refused
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        String path = "/api/v1/models/" + id + "/recognition-proposals";
        expectField(api.post(path, Map.of("level", "DISTRICT", "year", 1800), reporter), "year");
        expectField(api.post(path, Map.of("year", 2024), reporter), "level");
        expectField(api.post(path, Map.of("level", "DISTRICT", "year", 2023), reporter), "year");
        expectField(api.post(path, Map.of("level", "COMMUNE", "year", 2024), reporter), "level");
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(api.get(path, reporter).json()).isEmpty();

        // and a recognition without its decision number and date names both
        Api.Res proposal = api.post(path, Map.of("level", "DISTRICT", "year", 2024), reporter);
        assertThat(proposal.status()).isEqualTo(201);
        Api.Res decision = api.post(
                "/api/v1/recognition-proposals/" + proposal.json().get("id").asLong() + "/decision",
                Map.of("decision", "RECOGNIZE"),
                w.token("approverD"));
        assertBadRequest(decision);
        assertThat(decision.errorFields()).containsExactlyInAnyOrder("decisionNumber", "decisionDate");
        expectField(
                api.post(
                        "/api/v1/recognition-proposals/"
                                + proposal.json().get("id").asLong() + "/decision",
                        Map.of("decision", "RECOGNIZE", "decisionNumber", "1/QĐ", "decisionDate", "20/11/2024"),
                        w.token("approverD")),
                "decisionDate");
        assertThat(status(id)).isEqualTo("PROPOSED");
    }

    @Test
    void badQueryParametersNameTheParameter() {
        // when the model list is asked with a status that does not exist, a huge page, or a bad year
        // then each is a 400 naming the parameter
        expectField(api.get("/api/v1/models?status=FOO", reporter), "status");
        expectField(api.get("/api/v1/models?size=100000", reporter), "size");
        expectField(api.get("/api/v1/models?size=0", reporter), "size");
        expectField(api.get("/api/v1/models?page=-1", reporter), "page");
        expectField(api.get("/api/v1/models?page=abc", reporter), "page");
        expectField(api.get("/api/v1/models?year=1800", reporter), "year");
        expectField(api.get("/api/v1/models?field=MINING", reporter), "field");
        expectField(api.get("/api/v1/models?level=VILLAGE", reporter), "level");
        // and the statistics refuse a year of 1800, a reversed or malformed period, and neither year nor period
        String stats = "/api/v1/statistics?unit=" + w.communeA;
        expectField(api.get(stats + "&year=1800", reporter), "year");
        expectField(api.get(stats + "&year=abc", reporter), "year");
        expectField(api.get(stats + "&period=2025-2021", reporter), "period");
        expectField(api.get(stats + "&period=2021", reporter), "period");
        expectField(api.get(stats, reporter), "year");
        expectField(api.get(stats + "&year=2024&boundary=sideways", reporter), "boundary");
        expectField(api.get("/api/v1/statistics?year=2024", reporter), "unit");
        // while good parameters work
        assertThat(api.get("/api/v1/models?status=SUBMITTED&size=200&year=2024", reporter)
                        .status())
                .isEqualTo(200);
        assertThat(api.get(stats + "&period=2021-2025", reporter).status()).isEqualTo(200);
    }

    private Map<String, Object> valid() {
        return World.registration("Vận động Nhân dân hiến đất làm đường", w.communeA, "DISTRICT", "ECONOMY");
    }

    private long submitted() {
        long id = w.draft("reporterA", valid());
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        return id;
    }

    private long modelCount() {
        Api.Res r = api.get("/api/v1/models?unit=" + w.province, w.token("reporterP"));
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("page").get("totalElements").asLong();
    }

    private String status(long id) {
        return api.get("/api/v1/models/" + id, reporter).json().get("status").asString();
    }

    private List<String> actions(long id) {
        return api.get("/api/v1/models/" + id + "/timeline", reporter)
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    private void expectField(Api.Res r, String field) {
        assertBadRequest(r);
        assertThat(r.errorFields()).as(r.body()).containsExactly(field);
    }

    private void assertBadRequest(Api.Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).doesNotContain("problem.");
        assertThat(r.json().get("requestId").asString())
                .isEqualTo(r.header("X-Request-Id"))
                .isNotBlank();
    }

    private static void assertConflict(Api.Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).doesNotContain("model.", "proposal.");
        assertThat(r.json().get("requestId").asString())
                .isEqualTo(r.header("X-Request-Id"))
                .isNotBlank();
    }
}
