package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 18, point 10: the indicators section of a model's page never says "no indicators chosen" above charts of
 * indicators the model has reported.
 */
class IndicatorSectionPageTests extends IntegrationTest {

    @Test
    void reportedIndicatorsWithoutATargetAreListedInsteadOfTheNoIndicatorsNotice() {
        // given an accepted model that reported two indicators without choosing them as targets
        World w = new World(api());
        long id = accepted(w, "Một cửa thân thiện " + w.communeA);
        Api.Res r = w.api.post(
                "/api/v1/models/" + id + "/progress-reports",
                Map.of(
                        "asOf",
                        "2024-06-30",
                        "indicators",
                        List.of(
                                Map.of("code", "HO_SO_DUNG_HAN", "value", 986),
                                Map.of("code", "PHIEU_HAI_LONG", "value", 589)),
                        "narrative",
                        "Giải quyết 986 hồ sơ đúng hạn."),
                w.token("reporterA"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        // when the appraiser opens the model's indicators section
        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        String section = appraiser.get("/models/" + id + "/indicators").text();

        // then it lists both reported indicators with their latest values, says they have no target yet,
        // and does not claim that no indicator was chosen
        assertThat(section)
                .doesNotContain("Mô hình chưa chọn chỉ tiêu để theo dõi.")
                .contains("id=\"indicators-untargeted\"")
                .contains("chưa có giá trị ban đầu và mục tiêu");
        assertThat(section.split("class=\"indicator-untargeted\"", -1)).hasSize(3);
        assertThat(section).contains("986").contains("589");
    }

    @Test
    void aModelWithNeitherTargetsNorReportsStillSaysNoIndicatorIsChosen() {
        // given an accepted model with no report and no target
        World w = new World(api());
        long id = accepted(w, "Đường làng sạch " + w.communeA);

        // when its section is opened, then it says so, without an empty table
        WebSession appraiser = WebSession.signedIn(api().base(), w.username("appraiserD"), PASSWORD);
        String section = appraiser.get("/models/" + id + "/indicators").text();
        assertThat(section).contains("Mô hình chưa chọn chỉ tiêu để theo dõi.").doesNotContain("model-indicators");
    }

    private static long accepted(World w, String title) {
        return w.accepted("reporterA", w.communeA, title, "appraiserD");
    }
}
