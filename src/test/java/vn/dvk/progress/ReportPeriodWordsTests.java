package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 18, point 9: a reporting period is named in words of the reader's language — "6 tháng cuối năm 2025",
 * "Second half of 2025" — in error messages and on the model page, never by its code or in Vietnamese in English.
 */
class ReportPeriodWordsTests extends IntegrationTest {

    @Test
    void aPeriodIsNamedInWordsInAnErrorAndInEnglishInEnglish() {
        // given an accepted commune model and its reporter
        World w = new World(api());
        long id = w.draft(
                "reporterA", World.registration("Nước sạch về thôn " + w.communeA, w.communeA, "COMMUNE", "ECONOMY"));
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        int last = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() - 1;
        Map<String, Object> outside = Map.of(
                "asOf", last + "-03-01", "period", last + "-H2", "indicators", List.of(), "narrative", "Số liệu quý I");

        // when a report dated in March names the second half-year
        Api.Res vietnamese = w.api.post("/api/v1/models/" + id + "/progress-reports", outside, w.token("reporterA"));
        Api.Res english =
                w.api.post("/api/v1/models/" + id + "/progress-reports?lang=en", outside, w.token("reporterA"));

        // then the problem names the field and the period in words, in each language
        assertThat(vietnamese.status()).isEqualTo(400);
        assertThat(vietnamese.errorFields()).containsExactly("asOf");
        assertThat(vietnamese.body())
                .contains("kỳ báo cáo 6 tháng cuối năm " + last)
                .doesNotContain(last + "-H2");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body())
                .contains("Second half of " + last)
                .doesNotContain(last + "-H2")
                .doesNotContain("tháng");

        // and the model's reporting deadline, read in English, is in English
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        reporter.get("/?lang=en");
        String section = reporter.get("/models/" + id + "/progress").text();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String half = (today.getMonthValue() <= 6 ? "First half of " : "Second half of ") + today.getYear();
        String deadline = section.substring(
                section.indexOf("id=\"reporting-deadline\""),
                section.indexOf("</div>", section.indexOf("id=\"reporting-deadline\"")));
        assertThat(deadline).contains("Reporting period").contains(half).doesNotContain("tháng");
    }
}
