package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.WebSession.Page;

/**
 * The council member's score sheet in a round: one row per criterion of the set with its name, maximum and
 * weight, whose sheet it is and the total; a score above the maximum refused beside its row; and the to-do
 * count of sheets waiting equal to the sheets the round's page offers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoreSheetPageTests extends IntegrationTest {

    private RoundFixture f;
    private long round;

    @BeforeAll
    void roundWithTwoMembers() {
        f = new RoundFixture(api());
        f.proposeXandY();
        String approver = f.w.token("approverP");
        round = api().post("/api/v1/recognition-rounds", f.round(), approver)
                .json()
                .get("id")
                .asLong();
        f.proposeZ();
        api().post(
                        "/api/v1/recognition-rounds/" + round + "/members",
                        Map.of("usernames", List.of(f.w.username("scorerP"), f.w.username("scorerWU"))),
                        approver);
        api().post("/api/v1/recognition-rounds/" + round + "/assignments", Map.of(), approver);
    }

    @Test
    void theSheetHasOneRowPerCriterionWithItsNameMaximumAndWeightAndSaysWhoseItIs() {
        // given the province's council member
        WebSession member = WebSession.signedIn(api().base(), f.w.username("scorerP"), PASSWORD);

        // when the member opens the round
        String sheet = form(member.get("/recognition/rounds/" + round).text(), f.proposalY);

        // then the sheet of Y has the five criteria of the set, by name, with maximum and weight
        assertThat(rows(sheet)).hasSize(5);
        assertThat(sheet)
                .contains("TK — Tính khéo")
                .contains("TT — Tính thiết thực")
                .contains("HQ — Tính hiệu quả")
                .contains("NR — Khả năng nhân rộng")
                .contains("DT — Sự đồng thuận của Nhân dân")
                .contains("tối đa 20 điểm · hệ số 1");
        assertThat(sheet).contains("Phiếu chấm của: Người dùng scorerP");
        assertThat(sheet).containsPattern("class=\"fw-bold sheet-total\"[^>]*>0</output>\\s*/ <span>100</span>");

        // and the model's page sends the member to that sheet instead of asking for criterion codes
        String section = member.get("/models/" + f.modelY + "/proposals").body();
        assertThat(section)
                .doesNotContain("name=\"criterion\"")
                .contains("/recognition/rounds/" + round + "#task-" + f.proposalY);
    }

    @Test
    void aScoreAboveTheMaximumIsRefusedBesideItsRowWithWhatWasTypedAndTheTotalCountedByTheServer() {
        // given the province's council member on the round's page
        WebSession member = WebSession.signedIn(api().base(), f.w.username("scorerP"), PASSWORD);
        member.get("/recognition/rounds/" + round);

        // when the member gives 25 for "Tính khéo" (maximum 20) and 15 for the others
        Map<String, String> form = new LinkedHashMap<>();
        for (String code : RoundFixture.CODES) {
            form.put("points-" + code, code.equals("TK") ? "25" : "15");
        }
        Page refused = member.post("/recognition/rounds/" + round + "/proposals/" + f.proposalX + "/sheet", form);

        // then the sheet comes back with 25 kept and the message in the row of TK only
        assertThat(refused.status()).isEqualTo(400);
        String sheet = form(refused.text(), f.proposalX);
        String tk = row(sheet, f.proposalX, "TK");
        assertThat(tk).contains("value=\"25\"").contains("is-invalid").contains("Điểm tiêu chí TK phải từ 0 đến 20");
        assertThat(row(sheet, f.proposalX, "TT")).contains("value=\"15\"").doesNotContain("is-invalid");
        // and the total is the server's: TK counts at its maximum, 20 + 4 × 15
        assertThat(sheet).containsPattern("class=\"fw-bold sheet-total\"[^>]*>80</output>");

        // when the member corrects it, the sheet is stored with its total
        form.put("points-TK", "18");
        Page saved = member.post("/recognition/rounds/" + round + "/proposals/" + f.proposalX + "/sheet", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(member.get("/recognition/rounds/" + round).text()).contains("tổng điểm 78");
    }

    @Test
    void theToDoCountsTheSheetsTheRoundPageOffers() {
        // given the Women's Union member: assigned X and Y of other units, recused on the union's own Z
        WebSession member = WebSession.signedIn(api().base(), f.w.username("scorerWU"), PASSWORD);

        // when the member opens "Việc cần làm"
        String home = member.get("/").body();
        Matcher section = Pattern.compile("id=\"work-toScore\".*?</section>", Pattern.DOTALL)
                .matcher(home);
        assertThat(section.find()).isTrue();
        String toScore = section.group();
        Matcher badge = Pattern.compile("badge text-bg-danger\">(\\d+)<").matcher(toScore);
        assertThat(badge.find()).isTrue();
        int count = Integer.parseInt(badge.group(1));
        List<String> links = new ArrayList<>();
        Matcher a = Pattern.compile("<a href=\"([^\"]+)\"").matcher(toScore);
        while (a.find()) {
            links.add(a.group(1));
        }

        // then the count, the lines and the sheets offered on the round's page are the same two
        String page = member.get("/recognition/rounds/" + round).body();
        int offered = countOf(page, "data-score-sheet");
        assertThat(count).isEqualTo(2);
        assertThat(links)
                .containsExactlyInAnyOrder(
                        "/recognition/rounds/" + round + "#task-" + f.proposalX,
                        "/recognition/rounds/" + round + "#task-" + f.proposalY);
        assertThat(offered).isEqualTo(count);
    }

    @Test
    void outsideARoundTheModelPageSheetListsTheCriteriaInForceAndStoresTheirPoints() {
        // given a proposal of another province, made while no round is open there, and its council member
        RoundFixture other = new RoundFixture(api());
        other.proposeXandY();
        WebSession member = WebSession.signedIn(api().base(), other.w.username("scorerP"), PASSWORD);

        // when the member opens the model's proposals
        String section = member.get("/models/" + other.modelX + "/proposals").body();

        // then the sheet lists the five criteria of the set in force, by name, maximum and weight, not blank codes
        String sheet = section.substring(section.indexOf("id=\"score-" + other.proposalX + "\""));
        sheet = sheet.substring(0, sheet.indexOf("</form>"));
        assertThat(rows(sheet)).hasSize(5);
        assertThat(sheet)
                .contains("TK. Tính khéo")
                .contains("DT. Sự đồng thuận của Nhân dân")
                .contains("tối đa 20 điểm · hệ số 1")
                .contains("type=\"hidden\" name=\"criterion\" value=\"HQ\"")
                .doesNotContain("placeholder=\"Mã tiêu chí\"");

        // and when the member gives 17 to each criterion, the sheet is stored with those codes and a total of 85
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        RoundFixture.CODES.forEach(code -> {
            fields.add(Map.entry("criterion", code));
            fields.add(Map.entry("points", "17"));
        });
        member.get("/models/" + other.modelX);
        Page saved = member.post("/proposals/" + other.proposalX + "/scores", fields);
        assertThat(saved.status()).isEqualTo(302);
        var sheets = api().get("/api/v1/recognition-proposals/" + other.proposalX, other.w.token("scorerP"))
                .json();
        assertThat(sheets.get("scoreSheets").asInt()).isEqualTo(1);
        assertThat(sheets.get("meanTotal").decimalValue()).isEqualByComparingTo("85");
    }

    private static String form(String page, long proposal) {
        int start = page.indexOf("id=\"sheet-" + proposal + "\"");
        assertThat(start).as("sheet of proposal %s", proposal).isPositive();
        return page.substring(start, page.indexOf("</form>", start));
    }

    private static String row(String sheet, long proposal, String code) {
        int start = sheet.indexOf("id=\"row-" + proposal + "-" + code + "\"");
        assertThat(start).isPositive();
        int next = sheet.indexOf("sheet-row", start + 20);
        return sheet.substring(start, next < 0 ? sheet.length() : next);
    }

    private static List<String> rows(String sheet) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"[^\"]*sheet-row[^\"]*\"").matcher(sheet);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static int countOf(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
