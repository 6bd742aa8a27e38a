package vn.dvk.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Seed 000: Văn Lãng district (Lạng Sơn) registered 134 models in 2021–2025 (21 political system, 53 economy,
 * 41 culture–society, 19 defence–security). On 1 July 2025 the district level ended: Văn Lãng is dissolved
 * into the province. Lạng Sơn's statistics within today's boundaries still count all 134, and Văn Lãng still
 * answers for itself as it was.
 */
@Tag("replay")
class VanLangReplayTests extends IntegrationTest {

    private static final Map<String, Integer> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("POLITICAL_SYSTEM", 21);
        FIELDS.put("ECONOMY", 53);
        FIELDS.put("CULTURE_SOCIETY", 41);
        FIELDS.put("DEFENSE_SECURITY", 19);
    }

    @Test
    void theProvinceCountsAllOfVanLangAfterTheDistrictIsDissolvedAndTheDistrictStillAnswersHistorically() {
        // given Lạng Sơn with Văn Lãng district and its communes
        World w = new World(api());
        String tag = Api.unique("LS");
        String province = w.unit(tag, "Tỉnh Lạng Sơn " + tag, "PROVINCE", "AREA", "TW");
        String district = w.unit(tag + "-VL", "Huyện Văn Lãng", "DISTRICT", "AREA", province);
        List<String> communes = List.of(
                w.unit(tag + "-VL-HH", "Xã Hội Hoan", "COMMUNE", "AREA", district),
                w.unit(tag + "-VL-TT", "Xã Tân Tác", "COMMUNE", "AREA", district),
                w.unit(tag + "-VL-TTH", "Xã Tân Thanh", "COMMUNE", "AREA", district),
                w.unit(tag + "-VL-HVT", "Xã Hoàng Văn Thụ", "COMMUNE", "AREA", district),
                w.unit(tag + "-VL-NS", "Thị trấn Na Sầm", "COMMUNE", "AREA", district));
        w.unit(tag + "-VL-HND", "Hội Nông dân huyện Văn Lãng", "DISTRICT", "ASSOCIATION", district);
        w.user("vlReporter", district, "REPORTER");
        w.user("vlBoard", district, "APPRAISER");
        w.user("lsViewer", province, "VIEWER");

        // and its 134 models of 2021–2025, registered and accepted by the district board
        int i = 0;
        for (Map.Entry<String, Integer> field : FIELDS.entrySet()) {
            for (int n = 0; n < field.getValue(); n++, i++) {
                Map<String, Object> body = World.registration(
                        "Mô hình " + (i + 1) + " của huyện Văn Lãng",
                        communes.get(i % communes.size()),
                        "DISTRICT",
                        field.getKey());
                body.put("year", 2021 + i % 5);
                long id = w.draft("vlReporter", body);
                assertThat(w.submit("vlReporter", id).status()).isEqualTo(200);
                assertThat(w.appraise("vlBoard", id, "ACCEPT", null).status()).isEqualTo(200);
            }
        }

        // when the district is dissolved into the province on 1 July 2025
        Api.Res dissolved = w.api.post(
                "/api/v1/reorganizations",
                Map.of(
                        "type",
                        "DISSOLVE",
                        "effectiveDate",
                        "2025-07-01",
                        "from",
                        List.of(district),
                        "to",
                        List.of(Map.of("code", province)),
                        "note",
                        "Kết thúc hoạt động cấp huyện"),
                w.adminToken);
        assertThat(dissolved.status()).isEqualTo(201);

        // then the province within today's boundaries counts all 134, field by field
        JsonNode current = stats(w, province, "current");
        assertThat(current.get("registered").asLong()).isEqualTo(134);
        assertThat(current.get("accepted").asLong()).isEqualTo(134);
        FIELDS.forEach((field, count) -> assertThat(
                        current.get("byField").get(field).get("registered").asLong())
                .as(field)
                .isEqualTo(count.longValue()));

        // and Văn Lãng, which no longer exists, still answers as it was
        JsonNode historical = stats(w, district, "historical");
        assertThat(historical.get("registered").asLong()).isEqualTo(134);
        FIELDS.forEach((field, count) -> assertThat(
                        historical.get("byField").get(field).get("registered").asLong())
                .as(field)
                .isEqualTo(count.longValue()));
        assertThat(stats(w, district, "current").get("registered").asLong()).isZero();
        JsonNode vl = w.api.get("/api/v1/units/" + district, w.adminToken).json();
        assertThat(vl.get("validTo").asString()).isEqualTo("2025-07-01");
        assertThat(vl.get("successors").valueStream().map(JsonNode::asString)).containsExactly(province);
        assertThat(w.api.get("/api/v1/units/" + communes.get(0), w.adminToken)
                        .json()
                        .get("parentCode")
                        .asString())
                .isEqualTo(province);
        // and the district's reporter, now in the province, still reaches the models
        assertThat(w.api.get("/api/v1/models?unit=" + communes.get(1), w.token("vlReporter"))
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asLong())
                .isEqualTo(27);
    }

    private static JsonNode stats(World w, String unit, String boundary) {
        Api.Res r = w.api.get(
                "/api/v1/statistics?unit=" + unit + "&period=2021-2025&boundary=" + boundary, w.token("lsViewer"));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }
}
