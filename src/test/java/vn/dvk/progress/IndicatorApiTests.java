package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

class IndicatorApiTests extends IntegrationTest {

    private World w;
    private Api api;

    @BeforeEach
    void world() {
        api = api();
        w = new World(api);
    }

    private long acceptedModel(String title) {
        long id = w.draft("reporterA", World.registration(title, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    @Test
    void theCatalogueHoldsTheQuantitiesOfTheSeedArticles() {
        // given any signed-in user
        // when the catalogue is read
        JsonNode all = api.get("/api/v1/indicators", w.token("viewerP")).json();

        // then it holds the seeds' quantities with their units of measure and kinds
        Map<String, JsonNode> byCode = new HashMap<>();
        all.forEach(i -> byCode.put(i.get("code").asString(), i));
        assertThat(byCode)
                .containsKeys(
                        "SO_HO_THAM_GIA",
                        "DIEN_TICH_HA",
                        "HO_SO_DUNG_HAN",
                        "PHIEU_HAI_LONG",
                        "DAN_ONG",
                        "SAN_LUONG_MAT_ONG",
                        "DOANH_THU",
                        "MO_DI_CHUYEN");
        assertThat(byCode.get("DAN_ONG").get("measure").asString()).isEqualTo("đàn");
        assertThat(byCode.get("SAN_LUONG_MAT_ONG").get("kind").asString()).isEqualTo("WEIGHT");
        assertThat(byCode.get("DOANH_THU").get("kind").asString()).isEqualTo("AMOUNT_VND");
        assertThat(byCode.get("DIEN_TICH_HA").get("measure").asString()).isEqualTo("ha");
    }

    @Test
    void administratorsAddIndicatorsAndOnlyTheirOwn() {
        String code = Api.unique("HOP_TAC_XA_");

        // when a province administrator adds an indicator
        Api.Res created = api.post(
                "/api/v1/indicators",
                Map.of("code", code, "name", "Số hợp tác xã thành lập", "measure", "HTX", "kind", "COUNT"),
                w.token("adminP"));

        // then it is in the catalogue, owned by the province
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("ownerUnitCode").asString()).isEqualTo(w.province);
        assertThat(api.get("/api/v1/indicators/" + code, w.token("reporterA"))
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Số hợp tác xã thành lập");

        // and the same code again, a bad code, a missing kind are refused naming the field; nothing is added
        assertThat(api.post(
                                "/api/v1/indicators",
                                Map.of("code", code, "name", "Lặp", "measure", "x", "kind", "COUNT"),
                                w.token("adminP"))
                        .errorFields())
                .containsExactly("code");
        Api.Res bad =
                api.post("/api/v1/indicators", Map.of("code", "có dấu", "name", "", "measure", "x"), w.token("adminP"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("code", "name", "kind");

        // and a reporter may not add one; a province administrator may not change a national one
        assertThat(api.post(
                                "/api/v1/indicators",
                                Map.of("code", Api.unique("X"), "name", "X", "measure", "x", "kind", "COUNT"),
                                w.token("reporterA"))
                        .status())
                .isEqualTo(403);
        assertThat(api.put(
                                "/api/v1/indicators/DAN_ONG",
                                Map.of("name", "Đàn ong mật", "measure", "đàn", "kind", "COUNT"),
                                w.token("adminP"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/indicators/DAN_ONG", w.token("adminP"))
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Số đàn ong");

        // and the owner changes it, guarded by its version
        long version = created.json().get("version").asLong();
        Api.Res changed = api.put(
                "/api/v1/indicators/" + code,
                Map.of("name", "Số hợp tác xã kiểu mới", "measure", "HTX", "kind", "COUNT", "version", version),
                w.token("adminP"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/indicators/" + code,
                                Map.of("name", "Cũ", "measure", "HTX", "kind", "COUNT", "version", version),
                                w.token("adminP"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aModelChoosesItsIndicatorsWithBaselineAndTarget() {
        // given an accepted model of commune A
        long id = acceptedModel("Tổ hợp tác nuôi ong lấy mật " + w.communeA);

        // when its reporter chooses bee colonies and honey with baselines and targets
        Api.Res chosen = api.put(
                "/api/v1/models/" + id + "/indicators",
                Map.of(
                        "indicators",
                        List.of(
                                Map.of("code", "DAN_ONG", "baseline", 500, "target", 1000),
                                Map.of("code", "SAN_LUONG_MAT_ONG", "target", 10))),
                w.token("reporterA"));

        // then both are kept in order, with their names and units of measure
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonNode list = api.get("/api/v1/models/" + id + "/indicators", w.token("appraiserD"))
                .json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("code").asString()).isEqualTo("DAN_ONG");
        assertThat(list.get(0).get("baseline").decimalValue()).isEqualByComparingTo("500");
        assertThat(list.get(0).get("target").decimalValue()).isEqualByComparingTo("1000");
        assertThat(list.get(1).get("measure").asString()).isEqualTo("tấn");
        assertThat(list.get(1).get("baseline").isNull()).isTrue();
        assertThat(timeline(id)).contains("INDICATORS_SET");

        // and an unknown code, a missing target and a duplicate are refused naming each field; nothing changes
        Api.Res bad = api.put(
                "/api/v1/models/" + id + "/indicators",
                Map.of(
                        "indicators",
                        List.of(
                                Map.of("code", "KHONG_CO"),
                                Map.of("code", "DAN_ONG", "target", 1),
                                Map.of("code", "DAN_ONG", "target", 2))),
                w.token("reporterA"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields())
                .containsExactlyInAnyOrder("indicators[0].code", "indicators[0].target", "indicators[2].code");
        assertThat(api.get("/api/v1/models/" + id + "/indicators", w.token("reporterA"))
                        .json())
                .hasSize(2);

        // and a reporter of another commune does not see the model at all
        assertThat(api.put(
                                "/api/v1/models/" + id + "/indicators",
                                Map.of("indicators", List.of()),
                                w.token("reporterB"))
                        .status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/models/" + id + "/indicators", Map.of("indicators", List.of()), w.token("viewerP"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theIndicatorsStayAsSubmittedWhileTheRegistrationWaitsForAppraisal() {
        // given a registration that chose bee colonies as a draft, then was submitted (issue 18, point 10)
        long id = w.draft(
                "reporterA", World.registration("Nuôi ong theo tổ " + w.communeA, w.communeA, "DISTRICT", "ECONOMY"));
        Map<String, Object> bees = Map.of("indicators", List.of(Map.of("code", "DAN_ONG", "baseline", 5, "target", 9)));
        assertThat(api.put("/api/v1/models/" + id + "/indicators", bees, w.token("reporterA"))
                        .status())
                .isEqualTo(200);
        assertThat(w.submit("reporterA", id).status()).isEqualTo(200);

        // when its reporter changes them through the API while the board appraises it
        Api.Res refused = api.put(
                "/api/v1/models/" + id + "/indicators",
                Map.of("indicators", List.of(Map.of("code", "SAN_LUONG_MAT_ONG", "target", 10))),
                w.token("reporterA"));

        // then it is refused with a conflict naming the field, in words, and nothing changes
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorFields()).containsExactly("indicators");
        assertThat(refused.json().get("detail").asString()).startsWith("Đăng ký đang chờ thẩm định");
        JsonNode kept = api.get("/api/v1/models/" + id + "/indicators", w.token("reporterA"))
                .json();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("code").asString()).isEqualTo("DAN_ONG");
        assertThat(timeline(id)).containsOnlyOnce("INDICATORS_SET");

        // and the page offers no form but says why; a form posted anyway is refused with the same words
        vn.dvk.support.WebSession reporter =
                vn.dvk.support.WebSession.signedIn(api.base(), w.username("reporterA"), PASSWORD);
        String section = reporter.get("/models/" + id + "/indicators").text();
        assertThat(section)
                .contains("id=\"indicators-awaiting-appraisal\"")
                .contains("Đăng ký đang chờ thẩm định")
                .doesNotContain("id=\"indicator-form\"");
        reporter.get("/models/" + id);
        assertThat(reporter.post("/models/" + id + "/indicators", Map.of("code", "SAN_LUONG_MAT_ONG", "target", "10"))
                        .status())
                .isEqualTo(302);
        assertThat(reporter.get("/models/" + id).text()).contains("Đăng ký đang chờ thẩm định");
        assertThat(api.get("/api/v1/models/" + id + "/indicators", w.token("reporterA"))
                        .json())
                .hasSize(1);

        // and once the board asks for changes, the reporter may change them again
        assertThat(w.appraise("appraiserD", id, "REQUEST_CHANGES", "Thêm chỉ tiêu sản lượng mật.")
                        .status())
                .isEqualTo(200);
        assertThat(api.put(
                                "/api/v1/models/" + id + "/indicators",
                                Map.of(
                                        "indicators",
                                        List.of(
                                                Map.of("code", "DAN_ONG", "baseline", 5, "target", 9),
                                                Map.of("code", "SAN_LUONG_MAT_ONG", "target", 10))),
                                w.token("reporterA"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void administratorsKeepTheCatalogueOnItsPage() {
        // given a province administrator and a reporter on the pages
        vn.dvk.support.WebSession admin =
                vn.dvk.support.WebSession.signedIn(api.base(), w.username("adminP"), PASSWORD);
        vn.dvk.support.WebSession reporter =
                vn.dvk.support.WebSession.signedIn(api.base(), w.username("reporterA"), PASSWORD);
        String code = Api.unique("NHA_VAN_HOA_");

        // when the administrator opens the catalogue and adds an indicator, first without its kind
        assertThat(admin.get("/admin/indicators").text()).contains("Số đàn ong").contains("Sản lượng mật ong");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("name", "Nhà văn hóa được xây dựng");
        form.put("measure", "nhà");
        form.put("kind", "");
        vn.dvk.support.WebSession.Page refused = admin.post("/admin/indicators", form);

        // then the form comes back with the message beside the kind and what was typed kept
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Bắt buộc nhập.").contains("Nhà văn hóa được xây dựng");
        assertThat(api.get("/api/v1/indicators/" + code, w.token("adminP")).status())
                .isEqualTo(404);

        // and with the kind it is saved and listed
        form.put("kind", "COUNT");
        vn.dvk.support.WebSession.Page saved = admin.post("/admin/indicators", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get("/admin/indicators").text()).contains(code).contains("Nhà văn hóa được xây dựng");

        // and a reporter may not open the page
        assertThat(reporter.get("/admin/indicators").status()).isEqualTo(403);
    }

    private List<String> timeline(long id) {
        return api.get("/api/v1/models/" + id + "/timeline", w.token("reporterA"))
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }
}
