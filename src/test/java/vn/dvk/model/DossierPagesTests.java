package vn.dvk.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/** The registration dossier on the pages: the form's grouped sections, the model page's mark, the printed form. */
class DossierPagesTests extends IntegrationTest {

    private World w;
    private WebSession reporter;

    @BeforeEach
    void world() {
        w = new World(api());
        reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
    }

    private Map<String, String> form(String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("field", "ECONOMY");
        f.put("unitCode", w.communeA);
        f.put("level", "DISTRICT");
        f.put("year", "2024");
        f.put("holderType", "COLLECTIVE");
        f.put("holderName", "Hội Nông dân");
        f.put("origin", "NEW");
        f.put("summary", "");
        for (String s : new String[] {
            "situation", "goals", "approach", "area", "forces", "resources", "outputs", "sustainability"
        }) {
            f.put(s, "");
        }
        return f;
    }

    @Test
    void theFormGroupsTheSectionsWithHelpAndCountersAndTheModelPageMarksWhatIsMissing() {
        // when the reporter opens the registration form
        String page = reporter.get("/models/new").text();

        // then the eight sections are there in three groups, each with its help text and a counter
        assertThat(page)
                .contains("Hồ sơ đăng ký")
                .contains("Vì sao và để làm gì")
                .contains("Làm như thế nào")
                .contains("Kết quả và duy trì")
                .contains("Tình hình ở địa bàn, đơn vị trước khi có mô hình")
                .contains("name=\"sustainability\"")
                .contains("maxlength=\"4000\"")
                .contains("data-counter=\"situation-count\"")
                .contains("0 / 4.000 ký tự")
                .contains("aria-describedby=\"situation-help situation-count situation-error\"");
        assertThat(page.indexOf("name=\"situation\""))
                .isLessThan(page.indexOf("name=\"goals\""))
                .isLessThan(page.indexOf("name=\"sustainability\""));

        // when the reporter registers with two sections written
        Map<String, String> f = form("Đường làng " + w.communeA);
        f.put("situation", "Đường lầy lội.");
        f.put("goals", "2 km đường.");
        WebSession.Page saved = reporter.post("/models", f);
        assertThat(saved.status()).isEqualTo(302);
        String model = saved.location().replaceAll(".*/models/", "");

        // then the model page shows them and says what is missing
        String detail = reporter.get("/models/" + model).text();
        assertThat(detail)
                .contains("Đường lầy lội.")
                .contains("2 km đường.")
                .contains("Hồ sơ chưa đầy đủ: thiếu nội dung, cách thức thực hiện; địa bàn, đối tượng;")
                .contains("href=\"/models/" + model + "/registration.pdf\"");

        // when the reporter fills in the rest through the edit form
        String edit = reporter.get("/models/" + model + "/edit").text();
        assertThat(edit).contains("Đường lầy lội.").contains("14 / 4.000 ký tự");
        String version = edit.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        f.put("version", version);
        f.put("approach", "Họp dân.");
        f.put("area", "Thôn 1.");
        f.put("forces", "Chi bộ.");
        f.put("resources", "6 tháng.");
        f.put("outputs", "Biên bản.");
        f.put("sustainability", "Tổ tự quản.");
        assertThat(reporter.post("/models/" + model, f).status()).isEqualTo(302);

        // then the page says the dossier is complete, and the appraiser sees the same once it is submitted
        assertThat(reporter.get("/models/" + model).text())
                .contains("Hồ sơ đầy đủ")
                .doesNotContain("chưa đầy đủ");
        assertThat(w.submit("reporterA", Long.parseLong(model)).status()).isEqualTo(200);
        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        String appraisal = appraiser.get("/models/" + model).text();
        assertThat(appraisal).contains("Hồ sơ đầy đủ").contains("Tổ tự quản.").contains("id=\"appraisal\"");
        assertThat(appraisal.indexOf("id=\"dossier\"")).isLessThan(appraisal.indexOf("id=\"appraisal\""));
        // and the printed form is served on the page's own path
        var pdf = appraiser.getBytes("/models/" + model + "/registration.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void aTooLongSectionIsShownBesideItsFieldAndNothingIsSaved() {
        // when the reporter sends a section of 4,001 characters from the form
        reporter.get("/models/new");
        Map<String, String> f = form("Mô hình quá dài " + w.communeA);
        f.put("forces", "x".repeat(4001));
        WebSession.Page answer = reporter.post("/models", f);

        // then the form comes back with the message beside that field, and no model was registered
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"forces-error\"").contains("Tối đa 4.000 ký tự.");
        assertThat(w.api.get("/api/v1/models?unit=" + w.communeA, w.token("reporterA"))
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asLong())
                .isZero();
    }
}
