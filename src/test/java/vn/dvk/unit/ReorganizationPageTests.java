package vn.dvk.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

class ReorganizationPageTests extends IntegrationTest {

    @Test
    void anAdministratorPreviewsThenAppliesAMergeAndOthersMayNot() {
        World w = new World(api());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "MERGE");
        form.put("effectiveDate", "2025-07-01");
        form.put("from", w.communeA + "\n" + w.communeB);
        form.put("to", w.communeA + "AB | Xã An Bình | COMMUNE | AREA | " + w.district);
        form.put("note", "Nghị quyết số 1656/NQ-UBTVQH15");

        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        reporter.get("/models");
        assertThat(reporter.get("/admin/reorganizations").status()).isEqualTo(403);
        assertThat(reporter.post("/admin/reorganizations", form).status()).isEqualTo(403);

        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);
        assertThat(admin.get("/admin/reorganizations").status()).isEqualTo(200);
        WebSession.Page preview = admin.post("/admin/reorganizations/preview", form);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text())
                .contains("Xem trước")
                .contains("Đơn vị kết thúc hoạt động")
                .contains("Xã An Bình");
        assertThat(w.api.get("/api/v1/units/" + w.communeA, w.adminToken).json().has("validTo"))
                .isFalse();

        Map<String, String> bad = new LinkedHashMap<>(form);
        bad.put("effectiveDate", "01/07/2025");
        assertThat(admin.post("/admin/reorganizations", bad).text()).contains("Ngày không hợp lệ.");

        WebSession.Page applied = admin.post("/admin/reorganizations", form);
        assertThat(applied.status()).isEqualTo(302);
        assertThat(w.api.get("/api/v1/units/" + w.communeA, w.adminToken)
                        .json()
                        .get("validTo")
                        .asString())
                .isEqualTo("2025-07-01");
        assertThat(admin.get("/admin/units?q=" + w.communeA).text()).contains("kết thúc từ 01/07/2025");
    }
}
