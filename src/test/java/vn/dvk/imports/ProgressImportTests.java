package vn.dvk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.Multipart;
import vn.dvk.support.World;

/** Importing progress: values per indicator and period become reports of models found by their file number. */
class ProgressImportTests extends IntegrationTest {

    private static final List<String> KEYS =
            List.of("unitCode", "externalId", "period", "asOf", "indicatorCode", "value", "narrative");

    private World w;
    private String households;
    private String area;

    @BeforeEach
    void world() {
        w = new World(api());
        households = Api.unique("HO");
        area = Api.unique("DT");
        for (String code : List.of(households, area)) {
            assertThat(w.api.post(
                                    "/api/v1/indicators",
                                    Map.of("code", code, "name", "Chỉ tiêu " + code, "measure", "hộ", "kind", "COUNT"),
                                    w.adminToken)
                            .status())
                    .isEqualTo(201);
        }
        // an accepted model imported with its file number
        Api.Res r = ModelImportTests.upload(
                w.api,
                "",
                Workbooks.models(List.of(Workbooks.with(
                        Workbooks.model("P-1", w.communeA),
                        "status",
                        "ACCEPTED",
                        "submittedOn",
                        "01/03/2024",
                        "appraisedOn",
                        "01/04/2024"))),
                w.token("reporterA"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Api.Res upload(String query, List<Map<String, String>> rows) {
        return new Multipart()
                .file("file", "tien-do.xlsx", Workbooks.sheet(KEYS, KEYS, rows))
                .post(w.api, "/api/v1/imports/progress" + query, w.token("reporterA"));
    }

    private Map<String, String> value(String period, String asOf, String code, String value) {
        return Map.of(
                "unitCode",
                w.communeA,
                "externalId",
                "P-1",
                "period",
                period,
                "asOf",
                asOf,
                "indicatorCode",
                code,
                "value",
                value,
                "narrative",
                "Báo cáo " + period);
    }

    @Test
    void valuesOfOnePeriodBecomeOneReportAndComeOnlyOnce() {
        // given two values for 2024-H1 and one for 2024-H2
        List<Map<String, String>> rows = List.of(
                value("2024-H1", "30/06/2024", households, "120"),
                value("2024-H1", "30/06/2024", area, "8000"),
                value("2024-H2", "31/12/2024", households, "150"));

        // when previewed, then imported twice
        Api.Res preview = upload("?dryRun=true", rows);
        long model = w.api.get("/api/v1/models?unit=" + w.communeA, w.token("reporterA"))
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
        assertThat(w.api.get("/api/v1/models/" + model + "/progress-reports", w.token("reporterA"))
                        .json())
                .isEmpty();
        Api.Res first = upload("", rows);
        Api.Res second = upload("", rows);

        // then the model has two reports with the values, and the second import changes nothing
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("valid").asInt()).isEqualTo(3);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        JsonNode reports = w.api.get("/api/v1/models/" + model + "/progress-reports", w.token("reporterA"))
                .json();
        assertThat(reports).hasSize(2);
        assertThat(reports.toString()).contains("2024-H1", "2024-H2", "8000");
        assertThat(second.json().get("unchanged").asInt()).isEqualTo(3);
        assertThat(second.json().get("created").asInt()).isZero();
    }

    @Test
    void anAppraiserCoveringTheModelImportsItsProgressToo() {
        // given the district's appraiser, whose scope covers the commune's model
        List<Map<String, String>> rows = List.of(value("2024-H1", "30/06/2024", households, "95"));

        // when the appraiser imports the commune's earlier report
        Api.Res r = new Multipart()
                .file("file", "tien-do.xlsx", Workbooks.sheet(KEYS, KEYS, rows))
                .post(w.api, "/api/v1/imports/progress", w.token("appraiserD"));

        // then it is filed, by the appraiser
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(1);
        long model = w.api.get("/api/v1/models?unit=" + w.communeA, w.token("reporterA"))
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
        assertThat(w.api.get("/api/v1/models/" + model + "/progress-reports", w.token("reporterA"))
                        .json()
                        .toString())
                .contains("95")
                .contains(w.username("appraiserD"));
    }

    @Test
    void anUnknownIndicatorAModelNotFoundAndADateOutsideItsPeriodAreListedAndNothingIsFiled() {
        Api.Res r = upload(
                "",
                List.of(
                        value("2024-H1", "30/06/2024", households, "120"),
                        value("2024-H1", "30/06/2024", "KHONG_CO", "1"),
                        Map.of(
                                "unitCode",
                                w.communeA,
                                "externalId",
                                "P-404",
                                "asOf",
                                "30/06/2024",
                                "indicatorCode",
                                households,
                                "value",
                                "1"),
                        value("2024-H2", "30/06/2024", households, "5")));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("row").asInt() + ":" + e.get("column").asString())
                        .toList())
                .containsExactlyInAnyOrder("3:indicatorCode", "4:externalId", "5:asOf");
        long model = w.api.get("/api/v1/models?unit=" + w.communeA, w.token("reporterA"))
                .json()
                .get("content")
                .get(0)
                .get("id")
                .asLong();
        assertThat(w.api.get("/api/v1/models/" + model + "/progress-reports", w.token("reporterA"))
                        .json())
                .isEmpty();
    }
}
