package vn.dvk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/** Importing units: administrators only, parents before children, previewed, all or nothing, idempotent. */
class UnitImportTests extends IntegrationTest {

    private static final List<String> KEYS = List.of("code", "name", "level", "kind", "parentCode");

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    private Api.Res upload(String query, List<Map<String, String>> rows, String token) {
        return new Multipart()
                .file("file", "don-vi.xlsx", Workbooks.sheet(KEYS, KEYS, rows))
                .post(w.api, "/api/v1/imports/units" + query, token);
    }

    private static Map<String, String> unit(String code, String level, String parent) {
        return Map.of(
                "code",
                code,
                "name",
                "Đơn vị " + code,
                "level",
                level,
                "kind",
                "Địa bàn (Ban Chỉ đạo)",
                "parentCode",
                parent);
    }

    @Test
    void anAdministratorImportsADistrictAndItsCommuneOnceEvenWhenTheFileComesTwice() {
        // given a district under the administrator's province and a commune under that district, in the same file
        String d = Api.unique("ID");
        String c = Api.unique("IC");
        List<Map<String, String>> rows = List.of(unit(d, "Huyện", w.province), unit(c, "COMMUNE", d));

        // when it is previewed, then imported twice
        Api.Res preview = upload("?dryRun=true", rows, w.token("adminP"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("valid").asInt()).isEqualTo(2);
        assertThat(w.api.get("/api/v1/units/" + d, w.token("adminP")).status()).isEqualTo(404);
        Api.Res first = upload("", rows, w.token("adminP"));
        Api.Res second = upload("", rows, w.token("adminP"));

        // then the units exist once, the commune under the district
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        assertThat(second.json().get("created").asInt()).isZero();
        assertThat(second.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(w.api.get("/api/v1/units/" + c, w.token("adminP"))
                        .json()
                        .get("parentCode")
                        .asString())
                .isEqualTo(d);
    }

    @Test
    void wrongRowsAreListedAndNothingIsCreated() {
        // given a good district, a unit under a parent outside the administrator's subtree, a province under a
        // district, a duplicate code, and an existing code with another name
        String d = Api.unique("ID");
        List<Map<String, String>> rows = new ArrayList<>(List.of(
                unit(d, "DISTRICT", w.province),
                unit(Api.unique("IX"), "DISTRICT", "TW"),
                unit(Api.unique("IP"), "PROVINCE", d),
                unit(d, "DISTRICT", w.province),
                Map.of(
                        "code",
                        w.communeA,
                        "name",
                        "Tên khác",
                        "level",
                        "COMMUNE",
                        "kind",
                        "AREA",
                        "parentCode",
                        w.district)));

        // when it is imported
        Api.Res r = upload("", rows, w.token("adminP"));

        // then it is refused with each error beside its row, and the good district was not kept
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> errors = r.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("row").asInt() + ":" + e.get("column").asString())
                .toList();
        assertThat(errors).containsExactly("3:parentCode", "4:level", "5:code", "6:code");
        assertThat(r.body()).contains("không thuộc phạm vi", "name");
        assertThat(w.api.get("/api/v1/units/" + d, w.token("adminP")).status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsImportUnits() {
        Api.Res r =
                upload("?dryRun=true", List.of(unit(Api.unique("IR"), "DISTRICT", w.province)), w.token("reporterP"));
        assertThat(r.status()).isEqualTo(403);
    }
}
