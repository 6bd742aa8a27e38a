package vn.dvk.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;

/** The official map after 1 July 2025: 34 provinces, 3,321 communes, and the way from the old map to the new. */
class OfficialMapTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadingTheMapYields34ProvincesAnd3321CommunesAndBenTreResolvesToVinhLong() {
        String admin = api().token("admin", ADMIN_PASSWORD);

        // when the root administrator loads the map with its history
        long started = System.nanoTime();
        Api.Res loaded = api().post("/api/v1/units/map", Map.of("map", "vn-2025", "withHistory", true), admin);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("[dvk-test] official map loaded through the API in " + millis + " ms");

        // then 34 provinces and 3,321 communes exist, active, under the root
        assertThat(loaded.status()).isEqualTo(201);
        assertThat(loaded.json().get("provinces").asInt()).isEqualTo(34);
        assertThat(loaded.json().get("communes").asInt()).isEqualTo(3321);
        assertThat(loaded.json().get("formerProvinces").asInt()).isEqualTo(63);
        assertThat(
                        count(
                                "select count(*) from unit_unit where code like 'VN-%' and level = 'PROVINCE' and valid_to is null"))
                .isEqualTo(34);
        assertThat(
                        count(
                                "select count(*) from unit_unit where code like 'VN-%' and level = 'COMMUNE' and valid_to is null"))
                .isEqualTo(3321);
        assertThat(count("select count(*) from unit_unit c join unit_unit p on p.id = c.parent_id"
                        + " where c.code like 'VN-%' and c.level = 'COMMUNE' and p.level <> 'PROVINCE'"))
                .isZero();

        // and Bến Tre's old communes resolve to Vĩnh Long, by code and by name without accents
        JsonNode byCode =
                api().get("/api/v1/units/resolve?oldCode=28777", admin).json();
        assertThat(byCode.get(0).get("provinceName").asString()).isEqualTo("Vĩnh Long");
        JsonNode byName = api().get(
                        "/api/v1/units/resolve?name=" + Api.q("phuong an hoi") + "&province=" + Api.q("Bến Tre"), admin)
                .json();
        assertThat(byName.valueStream().map(r -> r.get("provinceName").asString()))
                .isNotEmpty()
                .containsOnly("Vĩnh Long");

        // and the former province of Bến Tre ended on 1 July 2025 with Vĩnh Long as its successor
        String benTre = jdbc.queryForObject(
                "select code from unit_unit where code like 'VNH-P%' and name like '%Bến Tre'", String.class);
        JsonNode former = api().get("/api/v1/units/" + benTre, admin).json();
        assertThat(former.get("validTo").asString()).isEqualTo("2025-07-01");
        String vinhLong = former.get("successors").get(0).asString();
        assertThat(api().get("/api/v1/units/" + vinhLong, admin)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Vĩnh Long");

        // and the map loads only once
        assertThat(api().post("/api/v1/units/map", Map.of("map", "vn-2025"), admin)
                        .status())
                .isEqualTo(409);
        Api.Res unknown = api().post("/api/v1/units/map", Map.of("map", "vn-1975"), admin);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("map");
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
