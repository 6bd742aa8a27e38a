package vn.dvk.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/** Campaigns (phát động): launching them, who sees them, bad input, and the submissions they refuse. */
class CampaignApiTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private World w;

    @BeforeEach
    void world() {
        w = new World(api());
    }

    private Map<String, Object> campaign(
            String unit, int year, LocalDate opens, LocalDate closes, List<String> levels, boolean requireDossier) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("unitCode", unit);
        c.put("year", year);
        c.put("title", "Phát động đăng ký mô hình năm " + year);
        c.put("documentNumber", "12-KH/BDV");
        c.put("documentDate", opens.minusDays(3).toString());
        c.put("registrationOpens", opens.toString());
        c.put("registrationCloses", closes.toString());
        c.put("levels", levels);
        c.put("requireDossier", requireDossier);
        return c;
    }

    private long launch(Map<String, Object> body) {
        Api.Res r = w.api.post("/api/v1/campaigns", body, w.token("approverP"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private List<Long> ids(Api.Res list) {
        assertThat(list.status()).isEqualTo(200);
        return list.json().valueStream().map(c -> c.get("id").asLong()).toList();
    }

    @Test
    void aProvinceLaunchesACampaignThatItsUnitsSeeAndOthersDoNot() {
        // when the province's approver launches a campaign for 2024, district level
        Api.Res created = w.api.post(
                "/api/v1/campaigns",
                campaign(w.province, 2024, TODAY.minusDays(1), TODAY.plusDays(10), List.of("DISTRICT"), false),
                w.token("approverP"));

        // then it is stored as sent
        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.json();
        long id = c.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/campaigns/" + id);
        assertThat(c.get("unitCode").asString()).isEqualTo(w.province);
        assertThat(c.get("registrationCloses").asString())
                .isEqualTo(TODAY.plusDays(10).toString());
        assertThat(c.get("levels").valueStream().map(JsonNode::asString)).containsExactly("DISTRICT");
        assertThat(c.get("requireDossier").asBoolean()).isFalse();

        // and a commune's reporter (below), the province's viewer (own unit) list it; another year does not
        assertThat(ids(w.api.get("/api/v1/campaigns", w.token("reporterA")))).containsExactly(id);
        assertThat(ids(w.api.get("/api/v1/campaigns?year=2024", w.token("viewerP"))))
                .containsExactly(id);
        assertThat(ids(w.api.get("/api/v1/campaigns?year=2023", w.token("reporterA"))))
                .isEmpty();
        assertThat(ids(w.api.get("/api/v1/campaigns?unit=" + w.communeB, w.token("approverP"))))
                .containsExactly(id);
        // and another province neither lists it nor reads it
        World other = new World(api());
        assertThat(ids(w.api.get("/api/v1/campaigns", other.token("reporterA"))))
                .doesNotContain(id);
        assertThat(w.api.get("/api/v1/campaigns/" + id, other.token("approverP"))
                        .status())
                .isEqualTo(404);
        assertThat(w.api.get("/api/v1/campaigns?unit=" + w.province, other.token("approverP"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyApproversAndAdminsCoveringTheUnitLaunchAndBadInputWritesNothing() {
        Map<String, Object> good = campaign(w.province, 2024, TODAY, TODAY.plusDays(5), List.of("DISTRICT"), false);
        // a reporter may not; a district approver may not launch for the province above it; unknown unit: 400
        assertThat(w.api.post("/api/v1/campaigns", good, w.token("reporterA")).status())
                .isEqualTo(403);
        Api.Res above = w.api.post("/api/v1/campaigns", good, w.token("approverD"));
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.errorFields()).containsExactly("unitCode");
        Map<String, Object> unknown = new LinkedHashMap<>(good);
        unknown.put("unitCode", "NO-SUCH-UNIT");
        assertThat(w.api.post("/api/v1/campaigns", unknown, w.token("approverP"))
                        .errorFields())
                .containsExactly("unitCode");

        // closes before opens, empty levels: 400 naming the field
        Map<String, Object> backwards =
                campaign(w.province, 2024, TODAY, TODAY.minusDays(1), List.of("DISTRICT"), false);
        Api.Res r1 = w.api.post("/api/v1/campaigns", backwards, w.token("approverP"));
        assertThat(r1.status()).isEqualTo(400);
        assertThat(r1.errorFields()).containsExactly("registrationCloses");
        Api.Res r2 = w.api.post(
                "/api/v1/campaigns", campaign(w.province, 2024, TODAY, TODAY, List.of(), false), w.token("approverP"));
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.errorFields()).containsExactly("levels");

        // the admin of the province launches one; a second for the same unit, year and a shared level is 409
        assertThat(w.api.post("/api/v1/campaigns", good, w.token("adminP")).status())
                .isEqualTo(201);
        Api.Res overlap = w.api.post(
                "/api/v1/campaigns",
                campaign(
                        w.province,
                        2024,
                        TODAY.plusDays(20),
                        TODAY.plusDays(30),
                        List.of("COMMUNE", "DISTRICT"),
                        false),
                w.token("approverP"));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.errorFields()).containsExactly("levels");
        assertThat(overlap.json().get("detail").asString()).contains("Phát động đăng ký mô hình năm 2024");

        // and only that one campaign exists; another level of the same year is fine
        assertThat(ids(w.api.get("/api/v1/campaigns?year=2024", w.token("reporterA"))))
                .hasSize(1);
        launch(campaign(w.province, 2024, TODAY, TODAY.plusDays(5), List.of("PROVINCE"), false));
        assertThat(ids(w.api.get("/api/v1/campaigns?year=2024", w.token("reporterA"))))
                .hasSize(2);
    }

    @Test
    void submissionsOutsideTheWindowOrWithoutTheRequiredDossierAreRefusedNamingTheCampaign() {
        // given a closed campaign for 2024, one not open yet for 2023, and an open one requiring the dossier for 2022
        launch(campaign(w.province, 2024, TODAY.minusDays(30), TODAY.minusDays(1), List.of("DISTRICT"), false));
        launch(campaign(w.district, 2023, TODAY.plusDays(5), TODAY.plusDays(20), List.of("DISTRICT"), false));
        launch(campaign(w.province, 2022, TODAY.minusDays(1), TODAY.plusDays(1), List.of("DISTRICT", "COMMUNE"), true));
        long late = draft(2024, "DISTRICT");
        long early = draft(2023, "DISTRICT");
        long bare = draft(2022, "DISTRICT");
        long otherLevel = draft(2024, "COMMUNE");
        long otherYear = draft(2021, "DISTRICT");

        // when the reporter submits them
        Api.Res lateAnswer = w.submit("reporterA", late);
        Api.Res earlyAnswer = w.submit("reporterA", early);
        Api.Res bareAnswer = w.submit("reporterA", bare);

        // then each is 409 naming the campaign, and the model stays a draft
        assertThat(lateAnswer.status()).isEqualTo(409);
        assertThat(lateAnswer.json().get("detail").asString())
                .contains("Phát động đăng ký mô hình năm 2024")
                .contains("12-KH/BDV")
                .contains("hết hạn");
        assertThat(earlyAnswer.status()).isEqualTo(409);
        assertThat(earlyAnswer.json().get("detail").asString())
                .contains("năm 2023")
                .contains("chưa mở");
        assertThat(bareAnswer.status()).isEqualTo(409);
        assertThat(bareAnswer.json().get("detail").asString())
                .contains("năm 2022")
                .contains("hồ sơ")
                .contains("Thực trạng, lý do");
        for (long id : List.of(late, early, bare)) {
            assertThat(w.api.get("/api/v1/models/" + id, w.token("reporterA"))
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("DRAFT");
        }
        // and a level or a year no campaign covers is submitted as before
        assertThat(w.submit("reporterA", otherLevel).status()).isEqualTo(200);
        assertThat(w.submit("reporterA", otherYear).status()).isEqualTo(200);

        // when the dossier is completed, the open campaign lets it through
        JsonNode m = w.api.get("/api/v1/models/" + bare, w.token("reporterA")).json();
        Map<String, Object> edit = World.registration("Mô hình 2022", w.communeA, "DISTRICT", "ECONOMY");
        edit.put("year", 2022);
        edit.put("version", m.get("version").asLong());
        for (String s :
                List.of("situation", "goals", "approach", "area", "forces", "resources", "outputs", "sustainability")) {
            edit.put(s, "Nội dung " + s);
        }
        assertThat(w.api.put("/api/v1/models/" + bare, edit, w.token("reporterA"))
                        .status())
                .isEqualTo(200);
        assertThat(w.submit("reporterA", bare).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void theToDoOfAUnitBelowSaysUntilWhenRegistrationIsOpen() {
        // given an open campaign of the province
        launch(campaign(w.province, 2026, TODAY.minusDays(2), TODAY.plusDays(9), List.of("COMMUNE"), false));

        // when a commune's reporter opens "Việc cần làm"
        String home = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD)
                .get("/")
                .text();

        // then a line says until when, and how many days are left
        assertThat(home)
                .contains("Đăng ký mô hình mở đến "
                        + TODAY.plusDays(9).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " (còn 10 ngày)");
        // and the campaigns page lists it
        WebSession approver = WebSession.signedIn(api().base(), w.username("approverP"), PASSWORD);
        assertThat(approver.get("/campaigns").text())
                .contains("Phát động đăng ký mô hình năm 2026")
                .contains("đang mở");
    }

    private long draft(int year, String level) {
        Map<String, Object> body = World.registration("Mô hình " + year + " " + level, w.communeA, level, "ECONOMY");
        body.put("year", year);
        return w.draft("reporterA", body);
    }
}
