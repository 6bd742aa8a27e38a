package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.PdfText;
import vn.dvk.support.WebSession;

/**
 * A round whose council votes by secret ballot: one vote per member and nominee (also under two requests at once),
 * who may vote and when, the count against the share and the quorum, the secrecy of the stored votes and of the
 * audit trail, the minutes of the count, and the ballot sheet page with its confirmation.
 */
class BallotRoundTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBallotRoundCountsSecretVotesAgainstItsShareAndQuorumAndTheApproverDecidesAsBefore() throws Exception {
        // given a province ballot round (2/3 of the members voting, at least 3 voting) with four members:
        // the province's scorer and two more, and the Women's Union's, recused on the union's own model Z
        RoundFixture f = new RoundFixture(api());
        Api api = f.api;
        f.w.user("scorer2", f.w.province, "SCORER");
        f.w.user("scorer3", f.w.province, "SCORER");
        f.w.user("scorer4", f.w.province, "SCORER");
        f.proposeXandY();
        String approver = f.w.token("approverP");
        Api.Res created = api.post("/api/v1/recognition-rounds", ballotRound(f, "2/3", 3), approver);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("method").asString()).isEqualTo("BALLOT");
        assertThat(created.json().get("passShare").asString()).isEqualTo("2/3");
        assertThat(created.json().get("quorum").asInt()).isEqualTo(3);
        long round = created.json().get("id").asLong();
        f.proposeZ();
        council(f, round, "scorerP", "scorer2", "scorer3", "scorerWU");

        // when the members vote: X 2 agree, 1 disagree, the union's member absent (exactly 2/3 of those voting);
        // Y 1 agree, 3 disagree; Z 2 agree (the union's member is recused; one member absent)
        vote(f, "scorerP", f.proposalX, "AGREE", 201);
        vote(f, "scorer2", f.proposalX, "AGREE", 201);
        vote(f, "scorer3", f.proposalX, "DISAGREE", 201);
        vote(f, "scorerP", f.proposalY, "AGREE", 201);
        vote(f, "scorer2", f.proposalY, "DISAGREE", 201);
        vote(f, "scorer3", f.proposalY, "DISAGREE", 201);
        vote(f, "scorerWU", f.proposalY, "DISAGREE", 201);
        vote(f, "scorerP", f.proposalZ, "AGREE", 201);
        Api.Res second = vote(f, "scorer2", f.proposalZ, "AGREE", 201);

        // then the answer does not repeat the vote, and a second vote, a recused member, a member of nothing, a
        // reporter and a score sheet in a ballot round are refused
        assertThat(second.body()).doesNotContain("AGREE");
        assertThat(vote(f, "scorerP", f.proposalX, "DISAGREE", 409)
                        .json()
                        .get("detail")
                        .asString())
                .contains("không thể thay đổi");
        vote(f, "scorerWU", f.proposalZ, "AGREE", 409);
        vote(f, "scorer4", f.proposalX, "AGREE", 403);
        vote(f, "reporterA", f.proposalX, "AGREE", 403);
        assertThat(api.post(
                                "/api/v1/recognition-proposals/" + f.proposalX + "/scores",
                                RoundFixture.sheet(17, null),
                                f.w.token("scorerP"))
                        .status())
                .isEqualTo(409);
        // and a member who voted can no longer declare a conflict on that nominee (the vote cannot be taken out)
        assertThat(api.post(
                                "/api/v1/recognition-rounds/" + round + "/conflicts",
                                Map.of("proposalId", f.proposalY, "reason", "Người nhà"),
                                f.w.token("scorerWU"))
                        .status())
                .isEqualTo(409);

        // when the approver reads the count
        JsonNode count = api.get("/api/v1/recognition-rounds/" + round + "/ballot-results", approver)
                .json();

        // then each nominee has its counts and outcome, and the round its members
        assertThat(count.get("passShare").asString()).isEqualTo("2/3");
        assertThat(count.get("members").asInt()).isEqualTo(4);
        assertThat(count.get("membersVoted").asInt()).isEqualTo(4);
        assertThat(count.get("votingOpen").asBoolean()).isTrue();
        assertThat(nominee(count, f.proposalX)).isEqualTo(List.of(4, 3, 2, 1, 1, "PASSED"));
        assertThat(nominee(count, f.proposalY)).isEqualTo(List.of(4, 4, 1, 3, 0, "FAILED"));
        assertThat(nominee(count, f.proposalZ)).isEqualTo(List.of(3, 2, 2, 0, 1, "NO_QUORUM"));
        // and a member who only votes does not see the count
        assertThat(api.get("/api/v1/recognition-rounds/" + round + "/ballot-results", f.w.token("scorerP"))
                        .status())
                .isEqualTo(403);

        // when the approver decides as today, without naming the proposals
        Api.Res decided = api.post(
                "/api/v1/recognition-rounds/" + round + "/decision",
                Map.of("decisionNumber", "45-QĐ/BCĐ", "decisionDate", "2024-10-20"),
                approver);

        // then only X, which passed the ballot, is recognized
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/models/" + f.modelX, approver)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RECOGNIZED");
        assertThat(api.get("/api/v1/models/" + f.modelZ, approver)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PROPOSED");
        // and the round is closed to votes
        vote(f, "scorer3", f.proposalZ, "AGREE", 409);

        // when the minutes of the count are fetched
        String minutes = PdfText.flat(RecognitionRoundApiTests.pdf(
                api.base() + "/api/v1/recognition-rounds/" + round + "/ballot-minutes.pdf", approver));

        // then they give the round, the members, the rule and each nominee's counts and outcome, with the two
        // signature places, and nobody's name beside a vote
        assertThat(minutes)
                .contains("BIÊN BẢN")
                .contains("Kiểm phiếu xét công nhận mô hình \"Dân vận khéo\" cấp tỉnh" + " năm 2024")
                .contains("ngày 20 tháng 10 năm 2024")
                .contains("có 4 thành viên; 4 thành viên đã tham gia")
                .contains("(2/3)")
                .contains("ít nhất 3 thành viên")
                .contains("KẾT QUẢ KIỂM PHIẾU")
                .contains("Đạt (1 mô hình): " + f.titleX + ".")
                .contains("Không đạt (1 mô hình): " + f.titleY + ".")
                .contains("Không đủ số thành viên, chưa thể kết luận (1 mô hình): " + f.titleZ + ".")
                .contains("Có 1/3 mô hình đạt")
                .contains("NGƯỜI KIỂM PHIẾU")
                .contains("CHỦ TỊCH HỘI ĐỒNG")
                .doesNotContain("Nơi nhận")
                .doesNotContain(f.w.username("scorer2"))
                .doesNotContain(f.w.username("scorerP"));
        // and the decision says it rests on the ballot, with X's agreeing votes
        String decision = PdfText.flat(RecognitionRoundApiTests.pdf(
                api.base() + "/api/v1/recognition-rounds/" + round + "/decision.pdf", approver));
        assertThat(decision)
                .contains("Căn cứ kết quả bỏ phiếu của Hội đồng")
                .contains("Công nhận 1 mô hình")
                .contains(" 2/3 ")
                .doesNotContain("giải phóng mặt bằng");

        // and the stored votes name nobody: counts per nominee, no voter, no time
        assertThat(columns("recognition_ballot_tally")).containsExactlyInAnyOrder("proposal_id", "agree", "disagree");
        assertThat(columns("recognition_ballot_voter")).containsExactlyInAnyOrder("proposal_id", "voter");
        assertThat(jdbc
                        .queryForList(
                                "select agree, disagree from recognition_ballot_tally where proposal_id = ?",
                                f.proposalX)
                        .get(0)
                        .values()
                        .stream()
                        .map(v -> ((Number) v).intValue())
                        .toList())
                .containsExactly(2, 1);
        // and the audit trail says who voted on which nominee, never how
        List<Map<String, Object>> trail = jdbc.queryForList(
                "select actor, action, from_state, to_state, comment"
                        + " from shared_audit_entry where subject_type = 'PROPOSAL' and subject_id in (?, ?, ?)"
                        + " and action = 'BALLOT_CAST'",
                f.proposalX,
                f.proposalY,
                f.proposalZ);
        assertThat(trail).hasSize(9);
        assertThat(trail.stream().filter(e -> e.get("actor").equals(f.w.username("scorerWU"))))
                .hasSize(1);
        assertThat(trail)
                .allSatisfy(e -> assertThat(e.get("comment")).isNull())
                .allSatisfy(e -> assertThat(e.get("to_state")).isNull())
                .allSatisfy(e -> assertThat(e.get("from_state")).isNull());
        assertThat(jdbc.queryForObject(
                        "select count(*) from shared_audit_entry where subject_type = 'PROPOSAL'"
                                + " and subject_id in (?, ?, ?) and (upper(coalesce(comment, '')) like '%AGREE%'"
                                + " or upper(coalesce(comment, '')) like '%ĐỒNG Ý%')",
                        Integer.class, f.proposalX, f.proposalY, f.proposalZ))
                .isZero();
    }

    @Test
    void ballotRulesAreValidatedAndAScoringRoundRefusesBallots() throws Exception {
        // given a province with proposals
        RoundFixture f = new RoundFixture(api());
        Api api = f.api;
        f.proposeXandY();
        String approver = f.w.token("approverP");

        // when a ballot round is opened without its rules, or with a share or quorum out of range
        Api.Res missing = api.post("/api/v1/recognition-rounds", ballotRound(f, null, null), approver);
        Map<String, Object> bad = ballotRound(f, "3/2", 0);
        Api.Res outOfRange = api.post("/api/v1/recognition-rounds", bad, approver);
        bad.put("passShare", "0");
        bad.put("quorum", 101);
        Api.Res zero = api.post("/api/v1/recognition-rounds", bad, approver);
        Map<String, Object> badMethod = new LinkedHashMap<>(f.round());
        badMethod.put("method", "VOTE");

        // then each is a 400 naming the fields
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactlyInAnyOrder("passShare", "quorum");
        assertThat(outOfRange.errorFields()).containsExactlyInAnyOrder("passShare", "quorum");
        assertThat(zero.errorFields()).containsExactlyInAnyOrder("passShare", "quorum");
        assertThat(api.post("/api/v1/recognition-rounds", badMethod, approver).status())
                .isEqualTo(400);

        // when a round is opened as before, without a method (and a share that only a ballot would use)
        Map<String, Object> plain = new LinkedHashMap<>(f.round());
        plain.put("passShare", "1/2");
        Api.Res scoring = api.post("/api/v1/recognition-rounds", plain, approver);

        // then it scores, as rounds always did, and ballots, their count and their minutes are refused with 409
        assertThat(scoring.status()).as(scoring.body()).isEqualTo(201);
        assertThat(scoring.json().get("method").asString()).isEqualTo("SCORE");
        assertThat(scoring.json().get("passShare").isNull()).isTrue();
        long round = scoring.json().get("id").asLong();
        council(f, round, "scorerP");
        vote(f, "scorerP", f.proposalX, "AGREE", 409);
        assertThat(api.get("/api/v1/recognition-rounds/" + round + "/ballot-results", approver)
                        .status())
                .isEqualTo(409);
        assertThat(api.getBytes("/api/v1/recognition-rounds/" + round + "/ballot-minutes.pdf", approver)
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/recognition-proposals/" + f.proposalX + "/scores",
                                RoundFixture.sheet(17, null),
                                f.w.token("scorerP"))
                        .status())
                .isEqualTo(200);
        // and a vote must be AGREE or DISAGREE
        Api.Res none =
                api.post("/api/v1/recognition-proposals/" + f.proposalX + "/ballot", Map.of(), f.w.token("scorerP"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorFields()).containsExactly("vote");
        assertThat(api.post(
                                "/api/v1/recognition-proposals/" + f.proposalX + "/ballot",
                                Map.of("vote", "MAYBE"),
                                f.w.token("scorerP"))
                        .status())
                .isEqualTo(400);
        // and the new endpoints are in the OpenAPI document
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        assertThat(paths.get("/api/v1/recognition-proposals/{id}/ballot").has("post"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/ballot-results").has("get"))
                .isTrue();
        assertThat(paths.get("/api/v1/recognition-rounds/{id}/ballot-minutes.pdf")
                        .has("get"))
                .isTrue();

        // when the round page's form opens a ballot round with a share that is not one, then with 3/4
        WebSession page = WebSession.signedIn(api.base(), f.w.username("approverP"), PASSWORD);
        page.get("/recognition/rounds");
        Map<String, String> form = new LinkedHashMap<>();
        f.round().forEach((k, v) -> form.put(k, String.valueOf(v)));
        form.put("year", "2023");
        form.put("method", "BALLOT");
        form.put("passShare", "hai phần ba");
        form.put("quorum", "3");
        WebSession.Page refused = page.post("/recognition/rounds", form);
        form.put("passShare", "3/4");
        WebSession.Page opened = page.post("/recognition/rounds", form);

        // then the first comes back with the message beside the share, the second opens a ballot round
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).containsPattern("id=\"passShare-error\">Tỷ lệ phải lớn hơn 0");
        assertThat(opened.status()).as(opened.body()).isEqualTo(302);
        JsonNode ballotRound = api.get(
                        opened.location().replaceFirst("^.*/recognition/rounds/", "/api/v1/recognition-rounds/"),
                        approver)
                .json();
        assertThat(ballotRound.get("method").asString()).isEqualTo("BALLOT");
        assertThat(ballotRound.get("passShare").asString()).isEqualTo("3/4");

        // and someone who cannot see the proposal is told it does not exist
        RoundFixture other = new RoundFixture(api());
        assertThat(api.post(
                                "/api/v1/recognition-proposals/" + f.proposalX + "/ballot",
                                Map.of("vote", "AGREE"),
                                other.w.token("scorerP"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRoundThatClosedTakesNoMoreVotesAndTooFewVotersGiveNoConclusion() {
        // given a ballot round whose voting days are over, with two members
        RoundFixture f = new RoundFixture(api());
        f.proposeXandY();
        Map<String, Object> past = ballotRound(f, "1/2", 1);
        past.put("opensOn", LocalDate.now().minusDays(20).toString());
        past.put("closesOn", LocalDate.now().minusDays(1).toString());
        Api.Res created = f.api.post("/api/v1/recognition-rounds", past, f.w.token("approverP"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long round = created.json().get("id").asLong();
        council(f, round, "scorerP", "scorerWU");

        // when a member votes, then 409
        vote(f, "scorerP", f.proposalX, "AGREE", 409);

        // and nobody having voted, the count concludes nothing, for every nominee
        JsonNode count = f.api.get("/api/v1/recognition-rounds/" + round + "/ballot-results", f.w.token("viewerP"))
                .json();
        assertThat(count.get("votingOpen").asBoolean()).isFalse();
        assertThat(nominee(count, f.proposalX)).isEqualTo(List.of(2, 0, 0, 0, 2, "NO_QUORUM"));
        assertThat(nominee(count, f.proposalY)).isEqualTo(List.of(2, 0, 0, 0, 2, "NO_QUORUM"));
    }

    @Test
    void twoRequestsOfOneMemberAtOnceWriteExactlyOneVote() throws Exception {
        // given a ballot round with one member
        RoundFixture f = new RoundFixture(api());
        f.proposeXandY();
        f.proposeZ();
        long round = f.api.post("/api/v1/recognition-rounds", ballotRound(f, "1/2", 1), f.w.token("approverP"))
                .json()
                .get("id")
                .asLong();
        council(f, round, "scorerP");
        String token = f.w.token("scorerP");

        for (long proposal : List.of(f.proposalX, f.proposalY)) {
            // when the member's two requests (one AGREE, one DISAGREE) arrive together
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String v : List.of("AGREE", "DISAGREE")) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return f.api.post("/api/v1/recognition-proposals/" + proposal + "/ballot", Map.of("vote", v), token)
                            .status();
                }));
            }
            start.countDown();
            List<Integer> statuses =
                    calls.stream().map(CompletableFuture::join).sorted().toList();

            // then exactly one is taken and the other refused, and one vote is counted
            assertThat(statuses).containsExactly(201, 409);
            assertThat(jdbc.queryForObject(
                            "select count(*) from recognition_ballot_voter where proposal_id = ?",
                            Integer.class,
                            proposal))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "select agree + disagree from recognition_ballot_tally" + " where proposal_id = ?",
                            Integer.class,
                            proposal))
                    .isEqualTo(1);
        }
    }

    @Test
    void theBallotSheetShowsEachNomineeAsksForConfirmationAndThenLocksTheVote() {
        // given a ballot round with the province's member, who is recused on nothing, and the union's member
        RoundFixture f = new RoundFixture(api());
        f.proposeXandY();
        long round = f.api.post("/api/v1/recognition-rounds", ballotRound(f, "2/3", 1), f.w.token("approverP"))
                .json()
                .get("id")
                .asLong();
        f.proposeZ();
        council(f, round, "scorerP", "scorerWU");
        WebSession member = WebSession.signedIn(api().base(), f.w.username("scorerP"), PASSWORD);

        // when the member opens the round and then the ballot sheet
        String roundPage = member.get("/recognition/rounds/" + round).text();
        String sheet = member.get("/recognition/rounds/" + round + "/ballot").text();

        // then the round page leads to the sheet, and the sheet has one row per nominee with two choices
        assertThat(roundPage)
                .contains("/recognition/rounds/" + round + "/ballot")
                .contains("Bỏ phiếu kín");
        assertThat(sheet)
                .contains(f.titleX)
                .contains(f.titleY)
                .contains(f.titleZ)
                .contains("Phiếu bầu của: Người dùng scorerP");
        for (long p : List.of(f.proposalX, f.proposalY, f.proposalZ)) {
            assertThat(sheet).contains("id=\"vote-" + p + "-AGREE\"").contains("id=\"vote-" + p + "-DISAGREE\"");
        }

        // when the member chooses for X and Y and asks to review
        Map<String, String> form = new LinkedHashMap<>();
        form.put("vote-" + f.proposalX, "AGREE");
        form.put("vote-" + f.proposalY, "DISAGREE");
        form.put("step", "review");
        WebSession.Page review = member.post("/recognition/rounds/" + round + "/ballot", form);

        // then the choices are shown to be confirmed, and nothing is taken yet
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.text())
                .contains("Xác nhận phiếu bầu")
                .contains("id=\"choice-" + f.proposalX + "\"")
                .contains("Không đồng ý")
                .contains("name=\"step\" value=\"cast\"");
        assertThat(voted(f.proposalX, f.w.username("scorerP"))).isFalse();

        // when the member confirms
        form.put("step", "cast");
        WebSession.Page cast = member.post("/recognition/rounds/" + round + "/ballot", form);

        // then both votes are taken, the sheet says so without repeating them, and Z is still open
        assertThat(cast.status()).isEqualTo(302);
        assertThat(voted(f.proposalX, f.w.username("scorerP"))).isTrue();
        assertThat(voted(f.proposalY, f.w.username("scorerP"))).isTrue();
        String after = member.get("/recognition/rounds/" + round + "/ballot").text();
        assertThat(after)
                .contains("Đã ghi nhận phiếu bầu")
                .contains("Đã bỏ phiếu")
                .doesNotContain("id=\"vote-" + f.proposalX + "-AGREE\"")
                .contains("id=\"vote-" + f.proposalZ + "-AGREE\"");
        // and the same sheet sent again is refused beside the form
        WebSession.Page again = member.post("/recognition/rounds/" + round + "/ballot", form);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text()).contains("không thể thay đổi");
        // and an empty sheet is refused, and someone outside the council cannot open it
        WebSession.Page empty = member.post("/recognition/rounds/" + round + "/ballot", Map.of("step", "review"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("Chưa chọn");
        WebSession approver = WebSession.signedIn(api().base(), f.w.username("approverP"), PASSWORD);
        assertThat(approver.get("/recognition/rounds/" + round + "/ballot").status())
                .isEqualTo(403);
        // and the approver's round page shows the count and links the minutes
        String overseen = approver.get("/recognition/rounds/" + round).text();
        assertThat(overseen)
                .contains("id=\"ballot-" + f.proposalX + "\"")
                .contains("Kết quả bỏ phiếu")
                .contains("/recognition/rounds/" + round + "/ballot-minutes.pdf");
        assertThat(approver.getBytes("/recognition/rounds/" + round + "/ballot-minutes.pdf")
                        .contentType())
                .startsWith("application/pdf");
    }

    @Test
    void aMembersTaskInABallotRoundLeadsToTheBallotSheetNotToAScoreSheet() {
        // given a ballot round whose council is the province's member
        RoundFixture f = new RoundFixture(api());
        f.proposeXandY();
        long round = f.api.post("/api/v1/recognition-rounds", ballotRound(f, "2/3", 1), f.w.token("approverP"))
                .json()
                .get("id")
                .asLong();
        council(f, round, "scorerP");
        WebSession member = WebSession.signedIn(api().base(), f.w.username("scorerP"), PASSWORD);

        // when the member opens "Việc cần làm" and the proposals of model X
        String home = member.get("/").text();
        String proposals = member.get("/models/" + f.modelX + "/proposals").text();

        // then each task links the round's ballot sheet, never a score sheet's anchor on the round's page
        assertThat(home)
                .contains("href=\"/recognition/rounds/" + round + "/ballot\"")
                .doesNotContain("/recognition/rounds/" + round + "#task-");
        assertThat(proposals)
                .contains("href=\"/recognition/rounds/" + round + "/ballot\"")
                .contains("Mở phiếu bầu")
                .doesNotContain("/recognition/rounds/" + round + "#task-");
        // and the proposal's JSON says how its round concludes
        assertThat(f.api.get("/api/v1/recognition-proposals/" + f.proposalX, f.w.token("approverP"))
                        .json()
                        .get("roundMethod")
                        .asString())
                .isEqualTo("BALLOT");
    }

    private static Map<String, Object> ballotRound(RoundFixture f, String share, Integer quorum) {
        Map<String, Object> m = new LinkedHashMap<>(f.round());
        m.put("method", "BALLOT");
        if (share != null) {
            m.put("passShare", share);
        }
        if (quorum != null) {
            m.put("quorum", quorum);
        }
        return m;
    }

    private static void council(RoundFixture f, long round, String... members) {
        String approver = f.w.token("approverP");
        Api.Res added = f.api.post(
                "/api/v1/recognition-rounds/" + round + "/members",
                Map.of("usernames", Arrays.stream(members).map(f.w::username).toList()),
                approver);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        Api.Res assigned = f.api.post("/api/v1/recognition-rounds/" + round + "/assignments", Map.of(), approver);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    private static Api.Res vote(RoundFixture f, String member, long proposal, String vote, int expected) {
        Api.Res r = f.api.post(
                "/api/v1/recognition-proposals/" + proposal + "/ballot", Map.of("vote", vote), f.w.token(member));
        assertThat(r.status()).as(member + " on " + proposal + ": " + r.body()).isEqualTo(expected);
        return r;
    }

    /** eligible, voting, agree, disagree, not voted, outcome. */
    private static List<Object> nominee(JsonNode count, long proposal) {
        JsonNode n = count.get("nominees")
                .valueStream()
                .filter(x -> x.get("proposalId").asLong() == proposal)
                .findFirst()
                .orElseThrow();
        return List.of(
                n.get("eligible").asInt(),
                n.get("voting").asInt(),
                n.get("agree").asInt(),
                n.get("disagree").asInt(),
                n.get("notVoted").asInt(),
                n.get("outcome").asString());
    }

    private List<String> columns(String table) {
        return jdbc.queryForList(
                "select lower(column_name) from information_schema.columns" + " where lower(table_name) = ?",
                String.class,
                table);
    }

    private boolean voted(long proposal, String username) {
        return jdbc.queryForObject(
                        "select count(*) from recognition_ballot_voter where proposal_id = ? and voter = ?",
                        Integer.class,
                        proposal,
                        username)
                == 1;
    }
}
