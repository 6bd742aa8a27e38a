package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;

/** A whole round through the API: criteria set, council, recusal, scoring rules, results, bulk decision, PDF. */
class RecognitionRoundApiTests extends IntegrationTest {

    @Test
    void aWholeRoundFromTheCriteriaSetToTheDecisionKeepsTheStatisticsExact() throws Exception {
        // given a province with a criteria set and two models proposed at province level in 2024
        RoundFixture f = new RoundFixture(api());
        Api api = f.api;
        f.proposeXandY();
        String approver = f.w.token("approverP");

        // when the approver opens the round
        Api.Res created = api.post("/api/v1/recognition-rounds", f.round(), approver);

        // then it takes the set in force and gathers the two pending proposals
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long round = created.json().get("id").asLong();
        assertThat(created.json().get("criteriaSetId").asLong()).isEqualTo(f.criteriaSetId);
        assertThat(created.json().get("title").asString())
                .isEqualTo("Xét công nhận mô hình \"Dân vận khéo\" cấp tỉnh năm 2024");
        assertThat(ids(created.json().get("proposalIds"))).containsExactly(f.proposalX, f.proposalY);
        // and a proposal made afterwards joins the round by itself, keeping the round's set
        f.proposeZ();
        JsonNode z = api.get("/api/v1/recognition-proposals/" + f.proposalZ, approver)
                .json();
        assertThat(z.get("roundId").asLong()).isEqualTo(round);
        assertThat(z.get("criteriaSetId").asLong()).isEqualTo(f.criteriaSetId);

        // when the council is formed (a reporter cannot sit on it) and every member is assigned everything
        Api.Res notScorer = api.post(
                "/api/v1/recognition-rounds/" + round + "/members",
                Map.of("usernames", List.of(f.w.username("reporterA"))),
                approver);
        assertThat(notScorer.status()).isEqualTo(400);
        assertThat(notScorer.errorFields()).containsExactly("usernames[0]");
        assertThat(api.post(
                                "/api/v1/recognition-rounds/" + round + "/members",
                                Map.of("usernames", List.of(f.w.username("scorerP"), f.w.username("scorerWU"))),
                                approver)
                        .status())
                .isEqualTo(200);
        JsonNode assignments = api.post("/api/v1/recognition-rounds/" + round + "/assignments", Map.of(), approver)
                .json();

        // then the Women's Union member is recused automatically on the union's own model, and only there
        assertThat(assignments.size()).isEqualTo(6);
        for (JsonNode a : assignments) {
            boolean unionOnOwn = a.get("scorer").asString().equals(f.w.username("scorerWU"))
                    && a.get("proposalId").asLong() == f.proposalZ;
            assertThat(a.get("recused").asBoolean()).as(a.toString()).isEqualTo(unionOnOwn);
            assertThat(a.get("autoRecused").asBoolean()).isEqualTo(unionOnOwn);
        }

        // when sheets break the set's rules, they are refused with the field named and nothing saved
        String p = f.w.token("scorerP");
        String u = f.w.token("scorerWU");
        String scoreX = "/api/v1/recognition-proposals/" + f.proposalX + "/scores";
        Api.Res unknown = api.post(scoreX, Map.of("scores", List.of(Map.of("criterion", "TC1", "points", 10))), p);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("scores[0].criterion");
        List<Object> scores =
                new ArrayList<>((List<?>) RoundFixture.sheet(17, null).get("scores"));
        scores.set(2, Map.of("criterion", "HQ", "points", 21));
        Map<String, Object> tooHigh = Map.of("scores", scores);
        Api.Res above = api.post(scoreX, tooHigh, p);
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.errorFields()).containsExactly("scores[2].points");
        Api.Res missing = api.post(scoreX, Map.of("scores", List.of(Map.of("criterion", "TK", "points", 17))), p);
        assertThat(missing.errorFields()).containsExactly("scores");
        Api.Res lowWithoutComment = api.post(scoreX, RoundFixture.sheet(9, null), p);
        assertThat(lowWithoutComment.status()).isEqualTo(400);
        assertThat(lowWithoutComment.errorFields()).containsExactly("comment");
        assertThat(api.get("/api/v1/recognition-proposals/" + f.proposalX, approver)
                        .json()
                        .get("scoreSheets")
                        .asInt())
                .isZero();

        // when the members score: P gives X 85, Y 60, Z 90; the union gives X 80 (after a reopened 50), Y 55
        ok(api.post(scoreX, RoundFixture.sheet(17, null), p));
        ok(api.post("/api/v1/recognition-proposals/" + f.proposalY + "/scores", RoundFixture.sheet(12, null), p));
        ok(api.post("/api/v1/recognition-proposals/" + f.proposalZ + "/scores", RoundFixture.sheet(18, null), p));
        ok(api.post(scoreX, RoundFixture.sheet(10, "Chưa rõ số liệu"), u));
        ok(api.post("/api/v1/recognition-proposals/" + f.proposalY + "/scores", RoundFixture.sheet(11, null), u));

        // then a submitted sheet is locked, and a recused member's sheet is refused
        assertThat(api.post(scoreX, RoundFixture.sheet(20, null), p).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/recognition-proposals/" + f.proposalZ + "/scores", RoundFixture.sheet(20, null), u)
                        .status())
                .isEqualTo(409);
        // and only the approver reopens a sheet, with a reason, after which the member scores again
        Map<String, Object> reopen = Map.of(
                "proposalId", f.proposalX, "scorer", f.w.username("scorerWU"), "reason", "Thành viên nhập nhầm điểm");
        assertThat(api.post("/api/v1/recognition-rounds/" + round + "/reopen", reopen, p)
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/recognition-rounds/" + round + "/reopen",
                                Map.of("proposalId", f.proposalX, "scorer", f.w.username("scorerWU")),
                                approver)
                        .errorFields())
                .containsExactly("reason");
        assertThat(api.post("/api/v1/recognition-rounds/" + round + "/reopen", reopen, approver)
                        .status())
                .isEqualTo(204);
        ok(api.post(scoreX, RoundFixture.sheet(16, null), u));

        // when the results are read
        JsonNode results = api.get("/api/v1/recognition-rounds/" + round + "/results", approver)
                .json();

        // then Z (90 alone) ranks first, X (85, 80) second, Y (60, 55) third; X and Z pass the threshold of 70
        assertThat(results.get(0).get("proposalId").asLong()).isEqualTo(f.proposalZ);
        assertThat(results.get(1).get("proposalId").asLong()).isEqualTo(f.proposalX);
        assertThat(results.get(2).get("proposalId").asLong()).isEqualTo(f.proposalY);
        assertThat(results.get(0).get("sheets").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("mean").decimalValue()).isEqualByComparingTo("82.5");
        assertThat(results.get(1).get("normalisedMean").decimalValue()).isEqualByComparingTo("84.50");
        assertThat(results.get(0).get("normalisedMean").decimalValue()).isEqualByComparingTo("86.38");
        assertThat(results.get(2).get("normalisedMean").decimalValue()).isEqualByComparingTo("57.31");
        assertThat(results.valueStream().map(r -> r.get("passed").asBoolean()).toList())
                .containsExactly(true, true, false);
        assertThat(api.get("/api/v1/recognition-proposals/" + f.proposalX, approver)
                        .json()
                        .get("meanTotal")
                        .decimalValue())
                .isEqualByComparingTo("82.5");

        // when a scorer tries to decide, then 403; when the approver decides without a number, then 400
        assertThat(api.post(
                                "/api/v1/recognition-rounds/" + round + "/decision",
                                Map.of("decisionNumber", "1", "decisionDate", "2024-10-10"),
                                p)
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/recognition-rounds/" + round + "/decision",
                                Map.of("decisionDate", "2024-10-10"),
                                approver)
                        .errorFields())
                .containsExactly("decisionNumber");
        JsonNode before = stats(api, f.w.province, approver);

        // when the approver recognizes those above the threshold in one decision
        Api.Res decided = api.post(
                "/api/v1/recognition-rounds/" + round + "/decision",
                Map.of("decisionNumber", "127-QĐ/BCĐ", "decisionDate", "2024-10-10"),
                approver);

        // then X and Z are recognized at province level, Y is still pending
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/models/" + f.modelX, approver)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RECOGNIZED");
        assertThat(api.get("/api/v1/models/" + f.modelZ, approver)
                        .json()
                        .get("recognizedLevel")
                        .asString())
                .isEqualTo("PROVINCE");
        assertThat(api.get("/api/v1/models/" + f.modelY, approver)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PROPOSED");
        assertThat(api.get("/api/v1/recognition-proposals/" + f.proposalX, approver)
                        .json()
                        .get("decisionNumber")
                        .asString())
                .isEqualTo("127-QĐ/BCĐ");
        // and the statistics count the two decisions at province level, and nothing else moved
        JsonNode after = stats(api, f.w.province, approver);
        assertThat(after.get("recognized").asInt())
                .isEqualTo(before.get("recognized").asInt() + 2)
                .isEqualTo(2);
        assertThat(after.get("recognizedByLevel").get("PROVINCE").asInt()).isEqualTo(2);
        assertThat(after.get("proposed").asInt()).isEqualTo(3);
        assertThat(after.get("accepted").asInt())
                .isEqualTo(before.get("accepted").asInt());
        // and the round is closed: a second decision or a new sheet is refused
        assertThat(api.post(
                                "/api/v1/recognition-rounds/" + round + "/decision",
                                Map.of("decisionNumber", "128-QĐ/BCĐ", "decisionDate", "2024-10-11"),
                                approver)
                        .status())
                .isEqualTo(409);

        // when the decision is fetched as PDF
        byte[] pdf = pdf(api.base() + "/api/v1/recognition-rounds/" + round + "/decision.pdf", approver);

        // then it is a Party-format decision listing X and Z, on the basis of the criteria set's guidance
        String text = PdfText.flat(pdf);
        assertThat(text)
                .contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                .contains("Số 127-QĐ/BCĐ")
                .contains("QUYẾT ĐỊNH")
                .contains("ngày 10 tháng 10 năm 2024")
                .contains("08-HD/BCĐ")
                .contains("Điều 1.")
                .contains("Công nhận 2 mô hình")
                .contains(f.w.communeA)
                .contains(f.womenUnion)
                .contains("Điều 2.")
                .contains("Nơi nhận:")
                .doesNotContain("Độc lập - Tự do - Hạnh phúc")
                .doesNotContain("giải phóng mặt bằng");
    }

    @Test
    void aDeclaredConflictTakesTheMembersSheetOutOfTheResults() {
        // given a round with both members assigned, each having scored X
        RoundFixture f = new RoundFixture(api());
        Api api = f.api;
        f.proposeXandY();
        String approver = f.w.token("approverP");
        long round = api.post("/api/v1/recognition-rounds", f.round(), approver)
                .json()
                .get("id")
                .asLong();
        api.post(
                "/api/v1/recognition-rounds/" + round + "/members",
                Map.of("usernames", List.of(f.w.username("scorerP"), f.w.username("scorerWU"))),
                approver);
        api.post("/api/v1/recognition-rounds/" + round + "/assignments", Map.of("perProposal", 2), approver);
        String scoreX = "/api/v1/recognition-proposals/" + f.proposalX + "/scores";
        ok(api.post(scoreX, RoundFixture.sheet(20, null), f.w.token("scorerP")));
        ok(api.post(scoreX, RoundFixture.sheet(10, "Hiệu quả chưa rõ"), f.w.token("scorerWU")));

        // when the union's member declares a conflict without a reason, then with one
        String conflicts = "/api/v1/recognition-rounds/" + round + "/conflicts";
        assertThat(api.post(conflicts, Map.of("proposalId", f.proposalX), f.w.token("scorerWU"))
                        .errorFields())
                .containsExactly("reason");
        Api.Res declared = api.post(
                conflicts,
                Map.of("proposalId", f.proposalX, "reason", "Con tôi là thành viên chi hội thực hiện mô hình"),
                f.w.token("scorerWU"));

        // then the declared conflict is recorded and only the province member's 100 counts
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(declared.json().get("recused").asBoolean()).isTrue();
        assertThat(declared.json().get("autoRecused").asBoolean()).isFalse();
        JsonNode x = api.get("/api/v1/recognition-rounds/" + round + "/results", approver)
                .json()
                .get(0);
        assertThat(x.get("proposalId").asLong()).isEqualTo(f.proposalX);
        assertThat(x.get("sheets").asInt()).isEqualTo(1);
        assertThat(x.get("mean").decimalValue()).isEqualByComparingTo("100");
        // and someone outside the council and the province cannot see the round
        assertThat(api.get("/api/v1/recognition-rounds/" + round, f.w.token("reporterA"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/recognition-rounds/" + round, f.w.token("viewerP"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void criteriaSetsAreValidatedCopiedFromTheExampleAndFrozenOnceARoundUsesThem() {
        // given a province admin and the preloaded example set
        RoundFixture f = new RoundFixture(api());
        Api api = f.api;
        String admin = f.w.token("adminP");
        JsonNode example = api.get("/api/v1/criteria-sets", admin)
                .json()
                .valueStream()
                .filter(s -> s.get("example").asBoolean())
                .findFirst()
                .orElseThrow();
        assertThat(example.get("name").asString()).contains("Bộ tiêu chí mẫu");
        assertThat(example.get("criteria")
                        .valueStream()
                        .map(c -> c.get("code").asString())
                        .toList())
                .containsExactly("TK", "TT", "HQ", "NR", "DT");
        long exampleId = example.get("id").asLong();

        // when the admin copies it into the district as the district's set from 2025
        Api.Res copy = api.post(
                "/api/v1/criteria-sets/" + exampleId + "/copy",
                Map.of(
                        "unitCode",
                        f.w.district,
                        "level",
                        "DISTRICT",
                        "effectiveFrom",
                        "2025-01-01",
                        "documentNumber",
                        "93-HD/BDV",
                        "documentDate",
                        "2024-12-20"),
                admin);

        // then the copy has the example's criteria, its own document, and links back to the example
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        assertThat(copy.json().get("copiedFromId").asLong()).isEqualTo(exampleId);
        assertThat(copy.json().get("example").asBoolean()).isFalse();
        assertThat(copy.json().get("criteria").size()).isEqualTo(5);
        assertThat(copy.json().get("maxTotal").decimalValue()).isEqualByComparingTo("100");
        assertThat(copy.json().get("documentNumber").asString()).isEqualTo("93-HD/BDV");
        // and the example itself cannot be edited, and a non-admin cannot write sets
        Map<String, Object> body = new HashMap<>(RoundFixture.criteriaSet(f.w.province, "2025-01-01"));
        body.put("version", 0);
        assertThat(api.put("/api/v1/criteria-sets/" + exampleId, body, admin).status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/criteria-sets",
                                RoundFixture.criteriaSet(f.w.province, "2025-01-01"),
                                f.w.token("approverP"))
                        .status())
                .isEqualTo(403);

        // when a set is written with bad fields, then each is named
        Map<String, Object> bad = new HashMap<>(RoundFixture.criteriaSet(f.w.province, "2025-02-01"));
        bad.put("passThreshold", 101);
        bad.put(
                "criteria",
                List.of(
                        Map.of("code", "TK", "description", "Tính khéo", "maxPoints", 0),
                        Map.of("code", "TK", "description", "", "maxPoints", 100, "weight", -1)));
        Api.Res invalid = api.post("/api/v1/criteria-sets", bad, admin);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields())
                .contains("criteria[0].maxPoints", "criteria[1].code", "criteria[1].description", "criteria[1].weight");
        // and a weighted set reports its weighted maximum, and a threshold above it is refused
        Map<String, Object> weighted = new HashMap<>(RoundFixture.criteriaSet(f.w.province, "2025-03-01"));
        weighted.put(
                "criteria",
                List.of(
                        Map.of("code", "TK", "description", "Tính khéo", "maxPoints", 20, "weight", 2),
                        Map.of("code", "HQ", "description", "Tính hiệu quả", "maxPoints", 30)));
        Api.Res w = api.post("/api/v1/criteria-sets", weighted, admin);
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        assertThat(w.json().get("maxTotal").decimalValue()).isEqualByComparingTo("70");
        weighted.put("effectiveFrom", "2025-04-01");
        weighted.put("passThreshold", 71);
        assertThat(api.post("/api/v1/criteria-sets", weighted, admin).errorFields())
                .containsExactly("passThreshold");

        // when a round opens now, then it takes the latest set in force (2025-03-01) unless one is named
        f.proposeXandY();
        Map<String, Object> round = new HashMap<>(f.round());
        assertThat(api.post("/api/v1/recognition-rounds", round, f.w.token("approverP"))
                        .json()
                        .get("criteriaSetId")
                        .asLong())
                .isEqualTo(w.json().get("id").asLong());
        round.put("year", 2025);
        round.put("criteriaSetId", f.criteriaSetId);
        assertThat(api.post("/api/v1/recognition-rounds", round, f.w.token("approverP"))
                        .status())
                .isEqualTo(201);
        round.put("year", 2023);
        round.put("criteriaSetId", copy.json().get("id").asLong());
        assertThat(api.post("/api/v1/recognition-rounds", round, f.w.token("approverP"))
                        .errorFields())
                .containsExactly("criteriaSetId");
        // and the set a round uses is frozen
        Map<String, Object> edit = new HashMap<>(RoundFixture.criteriaSet(f.w.province, "2024-01-01"));
        edit.put(
                "version",
                api.get("/api/v1/criteria-sets/" + f.criteriaSetId, admin)
                        .json()
                        .get("version")
                        .asLong());
        assertThat(api.put("/api/v1/criteria-sets/" + f.criteriaSetId, edit, admin)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aProposalOutsideAnyRoundIsScoredAsBefore() {
        // given a proposal at district level where no round exists
        RoundFixture f = new RoundFixture(api());
        Api api = f.api;
        long model = f.w.draft(
                "reporterA",
                vn.dvk.support.World.registration(
                        "Mô hình ngoài đợt " + f.w.communeA, f.w.communeA, "COMMUNE", "ECONOMY"));
        f.w.submit("reporterA", model);
        f.w.appraise("appraiserD", model, "ACCEPT", null);
        long proposal = api.post(
                        "/api/v1/models/" + model + "/recognition-proposals",
                        Map.of("level", "DISTRICT", "year", 2024),
                        f.w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        f.w.user("scorerD", f.w.district, "SCORER");

        // when a district scorer scores free criteria
        Api.Res r = api.post(
                "/api/v1/recognition-proposals/" + proposal + "/scores",
                Map.of(
                        "scores",
                        List.of(Map.of("criterion", "TC1", "points", 10), Map.of("criterion", "TC2", "points", 250))),
                f.w.token("scorerD"));

        // then it is accepted as today: plain sum, no round
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("meanTotal").decimalValue()).isEqualByComparingTo("260");
        assertThat(r.json().get("roundId").isNull()).isTrue();
    }

    @Test
    void theNewEndpointsAreInTheOpenApiDocumentAndBadInputNamesTheField() {
        // given the OpenAPI document
        JsonNode paths = api().get("/v3/api-docs", null).json().get("paths");

        // then the criteria set and round endpoints are listed with their methods
        assertThat(paths.get("/api/v1/criteria-sets").has("post")).isTrue();
        assertThat(paths.get("/api/v1/criteria-sets/{id}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/criteria-sets/{id}/copy").has("post")).isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds").has("post")).isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/members").has("post"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/assignments").has("post"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/conflicts").has("post"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/reopen").has("post"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/results").has("get"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/decision").has("post"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/decision.pdf").has("get"))
                .isTrue();

        // when a round is opened with a malformed date, a closing before the opening, or outside the caller's scope
        RoundFixture f = new RoundFixture(api());
        Map<String, Object> badDate = new HashMap<>(f.round());
        badDate.put("opensOn", "20/11/2024");
        Map<String, Object> backwards = new HashMap<>(f.round());
        backwards.put("closesOn", "2020-01-01");
        Map<String, Object> district = new HashMap<>(f.round());
        district.put("unitCode", f.w.district);

        // then each is a 400 naming the field, and a district approver cannot open a province round
        Api.Res r1 = api().post("/api/v1/recognition-rounds", badDate, f.w.token("approverP"));
        assertThat(r1.status()).isEqualTo(400);
        assertThat(r1.errorFields()).containsExactly("opensOn");
        assertThat(api().post("/api/v1/recognition-rounds", backwards, f.w.token("approverP"))
                        .errorFields())
                .containsExactly("closesOn");
        assertThat(api().post("/api/v1/recognition-rounds", district, f.w.token("approverP"))
                        .errorFields())
                .containsExactly("level");
        assertThat(api().post("/api/v1/recognition-rounds", f.round(), f.w.token("approverD"))
                        .errorFields())
                .containsExactly("unitCode");
        assertThat(api().post("/api/v1/recognition-rounds", f.round(), f.w.token("reporterA"))
                        .status())
                .isEqualTo(403);
    }

    private static List<Long> ids(JsonNode array) {
        return array.valueStream().map(JsonNode::asLong).toList();
    }

    private static void ok(Api.Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static JsonNode stats(Api api, String unit, String token) {
        return api.get("/api/v1/statistics?unit=" + unit + "&year=2024&level=PROVINCE", token)
                .json();
    }

    static byte[] pdf(String url, String token) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/pdf")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return r.body();
    }
}
