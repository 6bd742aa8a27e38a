package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Issue 18, point 10: the recognition proposal form on a model's page starts at the level above the highest
 * recognition the model holds, not at the level it was registered at.
 */
class ProposalFormPageTests extends IntegrationTest {

    private static final Pattern SELECTED =
            Pattern.compile("id=\"propose-level\".*?<option value=\"([A-Z]+)\"[^>]*selected", Pattern.DOTALL);

    @Test
    void theFormDefaultsToTheLevelAboveTheHighestRecognition() {
        // given a model registered at district level
        World w = new World(api());
        long id = w.draft(
                "reporterA",
                World.registration("Dân vận khéo hiến đất làm đường " + w.communeA, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        WebSession reporter = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        // then before any recognition the form starts at its own level
        assertThat(selected(reporter.get("/models/" + id + "/proposals").text()))
                .isEqualTo("DISTRICT");

        // given it was then recognized at district and at province level
        recognize(w, id, "DISTRICT", 2025, "approverD");
        recognize(w, id, "PROVINCE", 2026, "approverP");

        // when the reporter opens the proposals section, then the form starts one level up: central
        assertThat(selected(reporter.get("/models/" + id + "/proposals").text()))
                .isEqualTo("CENTRAL");
    }

    private static void recognize(World w, long id, String level, int year, String approver) {
        Api.Res p = w.api.post(
                "/api/v1/models/" + id + "/recognition-proposals",
                Map.of("level", level, "year", year),
                w.token("reporterA"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        Api.Res d = w.api.post(
                "/api/v1/recognition-proposals/" + p.json().get("id").asLong() + "/decision",
                Map.of("decision", "RECOGNIZE", "decisionNumber", level + "-QĐ/BCĐ", "decisionDate", year + "-11-20"),
                w.token(approver));
        assertThat(d.status()).as(d.body()).isEqualTo(200);
    }

    private static String selected(String section) {
        Matcher m = SELECTED.matcher(section.substring(section.indexOf("id=\"propose-level\"")));
        assertThat(m.find()).as(section).isTrue();
        return m.group(1);
    }
}
