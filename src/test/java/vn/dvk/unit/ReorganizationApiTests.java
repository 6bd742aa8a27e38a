package vn.dvk.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/** Every kind of reorganization, on H2 and PostgreSQL, with statistics under both boundaries. */
class ReorganizationApiTests extends IntegrationTest {

    private static final String JULY_2025 = "2025-07-01";

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    private Api.Res reorganize(String type, List<String> from, List<Map<String, Object>> to) {
        return w.api.post(
                "/api/v1/reorganizations",
                Map.of(
                        "type",
                        type,
                        "effectiveDate",
                        JULY_2025,
                        "from",
                        from,
                        "to",
                        to,
                        "note",
                        "Nghị quyết sắp xếp đơn vị hành chính"),
                w.adminToken);
    }

    private static Map<String, Object> existing(String code) {
        return Map.of("code", code);
    }

    private static Map<String, Object> newUnit(String code, String name, String level, String parent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("level", level);
        m.put("kind", "AREA");
        m.put("parentCode", parent);
        return m;
    }

    /** Registers, submits and accepts a 2024 model in a unit, as the reporter and appraiser given. */
    private long accepted(String reporter, String unit, String appraiser) {
        long id = w.draft(reporter, World.registration("Mô hình của " + unit, unit, "DISTRICT", "ECONOMY"));
        w.submit(reporter, id);
        assertThat(w.appraise(appraiser, id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    private long registered(String unit, int year, String boundary) {
        return w.api.get(
                        "/api/v1/statistics?unit=" + unit + "&year=" + year + "&boundary=" + boundary,
                        w.token("viewerP"))
                .json()
                .get("registered")
                .asLong();
    }

    private JsonNode unit(String code) {
        return w.api.get("/api/v1/units/" + code, w.adminToken).json();
    }

    @Test
    void mergingTwoCommunesIntoANewOneKeepsTheirHistoryUnderTheSuccessor() {
        accepted("reporterA", w.communeA, "appraiserD");
        accepted("reporterA", w.communeA, "appraiserD");
        accepted("reporterB", w.communeB, "appraiserD");
        String merged = w.communeA + "M";

        Api.Res r = reorganize(
                "MERGE",
                List.of(w.communeA, w.communeB),
                List.of(newUnit(merged, "Xã Hợp Nhất", "COMMUNE", w.district)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("counts").get("unitsEnded").asInt()).isEqualTo(2);
        assertThat(r.json().get("counts").get("usersMoved").asInt()).isEqualTo(2);

        assertThat(unit(w.communeA).get("validTo").asString()).isEqualTo(JULY_2025);
        assertThat(unit(w.communeA).get("successors").valueStream().map(JsonNode::asString))
                .containsExactly(merged);
        assertThat(unit(merged).get("predecessors").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(w.communeA, w.communeB);
        assertThat(registered(merged, 2024, "current")).isEqualTo(3);
        assertThat(registered(merged, 2024, "historical")).isZero();
        assertThat(registered(w.communeA, 2024, "historical")).isEqualTo(2);
        assertThat(registered(w.district, 2024, "current")).isEqualTo(3);
        assertThat(registered(w.district, 2024, "historical")).isEqualTo(3);

        // the reporters now work in the merged commune and still reach their models
        assertThat(w.api.get("/api/v1/users/me", w.token("reporterB"))
                        .json()
                        .get("unitCode")
                        .asString())
                .isEqualTo(merged);
        assertThat(w.api.get("/api/v1/models?unit=" + merged, w.token("reporterB"))
                        .json()
                        .get("page")
                        .get("totalElements")
                        .asLong())
                .isEqualTo(3);
        // and nothing new is registered in an ended unit
        Api.Res refused = w.api.post(
                "/api/v1/models", World.registration("Mới", w.communeA, "COMMUNE", "ECONOMY"), w.token("reporterP"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("unitCode");
    }

    @Test
    void movingACommuneToAnotherDistrictChangesTodaysCountsButNotThePast() {
        accepted("reporterB", w.communeB, "appraiserD");
        String otherDistrict = w.unit(w.district + "X", "Huyện Mới", "DISTRICT", "AREA", w.province);

        Api.Res r = reorganize("MOVE", List.of(w.communeB), List.of(existing(otherDistrict)));
        assertThat(r.status()).isEqualTo(201);

        assertThat(unit(w.communeB).get("parentCode").asString()).isEqualTo(otherDistrict);
        assertThat(unit(w.communeB).has("validTo")).isFalse();
        assertThat(registered(w.district, 2024, "current")).isZero();
        assertThat(registered(w.district, 2024, "historical")).isEqualTo(1);
        assertThat(registered(otherDistrict, 2024, "current")).isEqualTo(1);
        assertThat(registered(otherDistrict, 2024, "historical")).isZero();
        assertThat(registered(otherDistrict, 2025, "historical")).isEqualTo(0);
    }

    @Test
    void dissolvingADistrictHandsItsCommunesUsersAndOpenWorkToTheProvince() {
        long open = w.draft(
                "reporterA", World.registration("Đăng ký đang chờ cấp huyện", w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", open);
        long proposed = accepted("reporterA", w.communeA, "appraiserD");
        long proposalId = w.api.post(
                        "/api/v1/models/" + proposed + "/recognition-proposals",
                        Map.of("level", "DISTRICT", "year", 2025),
                        w.token("reporterA"))
                .json()
                .get("id")
                .asLong();
        long done = accepted("reporterB", w.communeB, "appraiserD");

        Api.Res preview = w.api.post(
                "/api/v1/reorganizations/preview",
                Map.of(
                        "type",
                        "DISSOLVE",
                        "effectiveDate",
                        JULY_2025,
                        "from",
                        List.of(w.district),
                        "to",
                        List.of(existing(w.province))),
                w.adminToken);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("preview").asBoolean()).isTrue();
        assertThat(preview.json().get("counts").get("registrationsRerouted").asInt())
                .isEqualTo(1);
        assertThat(unit(w.district).has("validTo"))
                .as("a preview changes nothing")
                .isFalse();

        Api.Res r = reorganize("DISSOLVE", List.of(w.district), List.of(existing(w.province)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("counts").get("childrenMoved").asInt()).isEqualTo(2);

        assertThat(unit(w.communeA).get("parentCode").asString()).isEqualTo(w.province);
        assertThat(w.api.get("/api/v1/users/me", w.token("appraiserD"))
                        .json()
                        .get("unitCode")
                        .asString())
                .isEqualTo(w.province);
        JsonNode rerouted =
                w.api.get("/api/v1/models/" + open, w.token("reporterA")).json();
        assertThat(rerouted.get("level").asString()).isEqualTo("PROVINCE");
        assertThat(w.api.get("/api/v1/models/" + open + "/timeline", w.token("reporterA"))
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .contains("REROUTE");
        assertThat(w.api.get("/api/v1/recognition-proposals/" + proposalId, w.token("approverP"))
                        .json()
                        .get("level")
                        .asString())
                .isEqualTo("PROVINCE");
        // the province's board now appraises the rerouted registration
        assertThat(w.appraise("appraiserP", open, "ACCEPT", null).status()).isEqualTo(200);
        assertThat(w.api.get("/api/v1/models/" + done, w.token("reporterB")).status())
                .isEqualTo(200);
        assertThat(registered(w.province, 2024, "current")).isEqualTo(3);
        assertThat(registered(w.district, 2024, "historical")).isEqualTo(3);
        assertThat(registered(w.district, 2024, "current")).isZero();
    }

    @Test
    void splittingACommuneEndsItAndCreatesItsSuccessors() {
        accepted("reporterA", w.communeA, "appraiserD");
        Api.Res r = reorganize(
                "SPLIT",
                List.of(w.communeA),
                List.of(
                        newUnit(w.communeA + "N", "Xã Bắc", "COMMUNE", w.district),
                        newUnit(w.communeA + "S", "Xã Nam", "COMMUNE", w.district)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(unit(w.communeA).get("successors").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(w.communeA + "N", w.communeA + "S");
        assertThat(unit(w.communeA + "N").get("validFrom").asString()).isEqualTo(JULY_2025);
        assertThat(registered(w.communeA + "N", 2024, "current")).isEqualTo(1);
        assertThat(registered(w.communeA, 2024, "historical")).isEqualTo(1);
    }

    @Test
    void renamingKeepsTheCodeAndTheHistory() {
        accepted("reporterA", w.communeA, "appraiserD");
        Api.Res r =
                reorganize("RENAME", List.of(w.communeA), List.of(Map.of("code", w.communeA, "name", "Phường Mới")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(unit(w.communeA).get("name").asString()).isEqualTo("Phường Mới");
        assertThat(registered(w.communeA, 2024, "current")).isEqualTo(1);
        assertThat(registered(w.communeA, 2024, "historical")).isEqualTo(1);
    }

    @Test
    void badReorganizationsAreRefusedAndChangeNothing() {
        Api.Res shape = reorganize("SPLIT", List.of(w.communeA), List.of(existing(w.communeB)));
        assertThat(shape.status()).isEqualTo(400);
        assertThat(shape.errorFields()).containsExactly("to");
        Api.Res intoItself = reorganize("MOVE", List.of(w.district), List.of(existing(w.communeA)));
        assertThat(intoItself.status()).isEqualTo(400);
        Api.Res unknown = reorganize("MERGE", List.of("KHONG-CO"), List.of(existing(w.province)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("from");
        Api.Res badType = w.api.post(
                "/api/v1/reorganizations",
                Map.of(
                        "type",
                        "EXPLODE",
                        "effectiveDate",
                        JULY_2025,
                        "from",
                        List.of(w.communeA),
                        "to",
                        List.of(existing(w.province))),
                w.adminToken);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.errorFields()).containsExactly("type");
        Api.Res notAdmin = w.api.post(
                "/api/v1/reorganizations",
                Map.of(
                        "type",
                        "MERGE",
                        "effectiveDate",
                        JULY_2025,
                        "from",
                        List.of(w.communeA),
                        "to",
                        List.of(existing(w.communeB))),
                w.token("approverP"));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(unit(w.communeA).has("validTo")).isFalse();
        assertThat(unit(w.communeA).get("parentCode").asString()).isEqualTo(w.district);
    }
}
