package vn.dvk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvk.imports.Workbooks.model;
import static vn.dvk.imports.Workbooks.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Imported models count in the statistics by the same definitions as models registered in DVK: the same models built
 * through the API in one province and imported in another give the same figures.
 */
class ImportedStatisticsTests extends IntegrationTest {

    @Test
    void theSameModelsEnteredThroughTheApiAndImportedGiveTheSameStatistics() {
        // given six models of 2024 and one of 2023 taken through their life through the API in one province
        World api = new World(api());
        registerThroughTheApi(api);
        // and the same models imported with their history in another province
        World imp = new World(api());
        String c = imp.communeA;
        Map<String, String> base = model("S-1", c);
        byte[] file = Workbooks.models(List.of(
                with(base, "status", "SUBMITTED", "submittedOn", "01/03/2024"),
                with(
                        base,
                        "externalId",
                        "S-2",
                        "field",
                        "CULTURE_SOCIETY",
                        "holderType",
                        "INDIVIDUAL",
                        "status",
                        "ACCEPTED",
                        "submittedOn",
                        "01/03/2024",
                        "appraisedOn",
                        "01/04/2024"),
                with(
                        base,
                        "externalId",
                        "S-3",
                        "field",
                        "DEFENSE_SECURITY",
                        "status",
                        "REJECTED",
                        "submittedOn",
                        "01/03/2024",
                        "appraisedOn",
                        "01/04/2024"),
                with(
                        base,
                        "externalId",
                        "S-4",
                        "field",
                        "POLITICAL_SYSTEM",
                        "status",
                        "CHANGES_REQUESTED",
                        "submittedOn",
                        "01/03/2024",
                        "appraisedOn",
                        "01/04/2024"),
                with(
                        base,
                        "externalId",
                        "S-5",
                        "status",
                        "RECOGNIZED",
                        "submittedOn",
                        "01/03/2024",
                        "appraisedOn",
                        "01/04/2024",
                        "recognitionLevel1",
                        "DISTRICT",
                        "decisionNumber1",
                        "15/QĐ-BCĐ",
                        "decisionDate1",
                        "20/11/2024"),
                with(base, "externalId", "S-6"),
                with(
                        base,
                        "externalId",
                        "S-7",
                        "year",
                        "2023",
                        "status",
                        "ACCEPTED",
                        "submittedOn",
                        "01/03/2023",
                        "appraisedOn",
                        "01/04/2023")));
        // (read once before: the cached answer must not outlive the import)
        assertThat(stats(imp, "year=2024").get("registered").asInt()).isZero();
        Api.Res imported = ModelImportTests.upload(imp.api, "", file, imp.token("reporterA"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // when the statistics of both provinces are read for 2024, 2023 and the period
        for (String when : List.of("year=2024", "year=2023", "period=2021-2025", "year=2024&level=DISTRICT")) {
            JsonNode viaApi = stats(api, when);
            JsonNode viaImport = stats(imp, when);

            // then they are the same, figure for figure
            assertThat(viaImport).as(when).isEqualTo(viaApi);
        }
        JsonNode y2024 = stats(imp, "year=2024");
        assertThat(y2024.get("registered").asInt()).isEqualTo(5);
        assertThat(y2024.get("accepted").asInt()).isEqualTo(2);
        assertThat(y2024.get("rejected").asInt()).isEqualTo(1);
        assertThat(y2024.get("changesRequested").asInt()).isEqualTo(1);
        assertThat(y2024.get("proposed").asInt()).isEqualTo(1);
        assertThat(y2024.get("recognized").asInt()).isEqualTo(1);
        assertThat(y2024.get("active").asInt()).isEqualTo(3);
        assertThat(y2024.get("recognizedByLevel").get("DISTRICT").asInt()).isEqualTo(1);
    }

    private static JsonNode stats(World w, String when) {
        Api.Res r = w.api.get("/api/v1/statistics?unit=" + w.province + "&" + when, w.token("viewerP"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ObjectNode o = (ObjectNode) r.json();
        o.remove("unit");
        return o;
    }

    private static void registerThroughTheApi(World w) {
        String c = w.communeA;
        long submitted = submitted(w, World.registration("S-1", c, "DISTRICT", "ECONOMY"));
        Map<String, Object> individual = World.registration("S-2", c, "DISTRICT", "CULTURE_SOCIETY");
        individual.put("holderType", "INDIVIDUAL");
        ok(w.appraise("appraiserD", submitted(w, individual), "ACCEPT", null));
        ok(w.appraise(
                "appraiserD",
                submitted(w, World.registration("S-3", c, "DISTRICT", "DEFENSE_SECURITY")),
                "REJECT",
                "Chưa đạt"));
        ok(w.appraise(
                "appraiserD",
                submitted(w, World.registration("S-4", c, "DISTRICT", "POLITICAL_SYSTEM")),
                "REQUEST_CHANGES",
                "Bổ sung"));
        long recognized = submitted(w, World.registration("S-5", c, "DISTRICT", "ECONOMY"));
        ok(w.appraise("appraiserD", recognized, "ACCEPT", null));
        Api.Res proposal = w.api.post(
                "/api/v1/models/" + recognized + "/recognition-proposals",
                Map.of("level", "DISTRICT", "year", 2024),
                w.token("reporterA"));
        ok(proposal);
        ok(w.api.post(
                "/api/v1/recognition-proposals/" + proposal.json().get("id").asLong() + "/decision",
                Map.of("decision", "RECOGNIZE", "decisionNumber", "15/QĐ-BCĐ", "decisionDate", "2024-11-20"),
                w.token("approverD")));
        w.draft("reporterA", World.registration("S-6", c, "DISTRICT", "ECONOMY"));
        Map<String, Object> older = World.registration("S-7", c, "DISTRICT", "ECONOMY");
        older.put("year", 2023);
        ok(w.appraise("appraiserD", submitted(w, older), "ACCEPT", null));
        assertThat(submitted).isPositive();
    }

    private static long submitted(World w, Map<String, Object> body) {
        long id = w.draft("reporterA", body);
        ok(w.submit("reporterA", id));
        return id;
    }

    private static void ok(Api.Res r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
    }
}
