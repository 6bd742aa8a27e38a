package vn.dvk.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.shared.Fmt;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * The preview says which units move where and what each carries; a reorganization with a future date is stored as
 * scheduled, applied by the nightly job on its date (not before, and once), or cancelled before it and never applied.
 */
class ReorganizationScheduleTests extends IntegrationTest {

    @Autowired
    ReorganizationJob job;

    @Autowired
    JdbcTemplate jdbc;

    private World w;
    private LocalDate today;

    @BeforeEach
    void world() {
        w = new World(api());
        today = LocalDate.now(Fmt.ZONE);
    }

    private Map<String, Object> merge(LocalDate date) {
        return Map.of(
                "type",
                "MERGE",
                "effectiveDate",
                date.toString(),
                "from",
                List.of(w.communeA),
                "to",
                List.of(Map.of("code", w.communeB)),
                "note",
                "Nghị quyết sắp xếp");
    }

    private Map<String, String> mergeForm(LocalDate date) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "MERGE");
        form.put("effectiveDate", date.toString());
        form.put("from", w.communeA);
        form.put("to", w.communeB);
        return form;
    }

    /** The province's administrator on the reorganization page (which gives the form its CSRF token). */
    private WebSession admin() {
        WebSession admin = WebSession.signedIn(api().base(), w.username("adminP"), PASSWORD);
        admin.get("/admin/reorganizations");
        return admin;
    }

    private long acceptedModelIn(String unit) {
        long id = w.draft("reporterA", World.registration("Mô hình của " + unit, unit, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", id);
        assertThat(w.appraise("appraiserD", id, "ACCEPT", null).status()).isEqualTo(200);
        return id;
    }

    private JsonNode unit(String code) {
        return w.api.get("/api/v1/units/" + code, w.adminToken).json();
    }

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(0, 5).atZone(Fmt.ZONE).toInstant(), Fmt.ZONE);
    }

    private long audited(String action, long reorganization) {
        return jdbc.queryForObject(
                "select count(*) from shared_audit_entry where subject_type = ? and subject_id = ?" + " and action = ?",
                Long.class,
                Reorganizations.AUDIT_SUBJECT,
                reorganization,
                action);
    }

    @Test
    void thePreviewListsEachUnitThatMovesWhereItGoesAndWhatItCarries() {
        // given two models and one user in commune A
        acceptedModelIn(w.communeA);
        acceptedModelIn(w.communeA);

        // when an administrator previews merging A into B, on a future date
        Api.Res preview = w.api.post("/api/v1/reorganizations/preview", merge(today.plusDays(30)), w.adminToken);

        // then the preview names A, its destination and its counts, and changes nothing
        assertThat(preview.status()).isEqualTo(200);
        JsonNode move = preview.json().get("moves").get(0);
        assertThat(move.get("code").asString()).isEqualTo(w.communeA);
        assertThat(move.get("destination").asString()).startsWith("Xã B");
        assertThat(move.get("models").asInt()).isEqualTo(2);
        assertThat(move.get("users").asInt()).isEqualTo(1);
        assertThat(move.get("openProposals").asInt()).isZero();
        assertThat(preview.json().get("moves")).hasSize(1);
        assertThat(unit(w.communeA).has("validTo")).isFalse();

        // and the page shows the same table, with the date as dd/MM/yyyy
        WebSession admin = admin();
        String page = admin.post("/admin/reorganizations/preview", mergeForm(today.plusDays(30)))
                .text();
        assertThat(page)
                .contains("Đơn vị chuyển đi đâu")
                .contains(new Fmt().date(today.plusDays(30)))
                .contains("Xã A")
                .contains("Mô hình")
                .contains("Người dùng")
                .contains("Đề nghị đang chờ");
    }

    @Test
    void aFutureReorganizationIsScheduledAndAppliedByTheJobOnItsDateOnce() {
        // given a merge dated ten days ahead
        LocalDate date = today.plusDays(10);
        Api.Res r = w.api.post("/api/v1/reorganizations", merge(date), w.adminToken);

        // then it is accepted as scheduled, changes nothing yet, and is listed
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("scheduled").asBoolean()).isTrue();
        long id = r.json().get("reorganizationId").asLong();
        assertThat(unit(w.communeA).has("validTo")).isFalse();
        assertThat(w.api.get("/api/v1/reorganizations/scheduled", w.adminToken).body())
                .contains("\"id\":" + id);
        assertThat(audited("REORG_SCHEDULE", id)).isEqualTo(1);

        // when the job runs the day before, nothing is applied
        job.applyDue(on(date.minusDays(1)));
        assertThat(unit(w.communeA).has("validTo")).isFalse();

        // when it runs on the date, the merge is applied, from that date
        job.applyDue(on(date));
        assertThat(unit(w.communeA).get("validTo").asString()).isEqualTo(date.toString());
        assertThat(jdbc.queryForObject("select status from unit_reorganization where id = ?", String.class, id))
                .isEqualTo("APPLIED");
        assertThat(audited("REORG_APPLY_SCHEDULED", id)).isEqualTo(1);

        // and running it again (or on a second node) applies nothing twice
        assertThat(job.applyDue(on(date))).isZero();
        assertThat(job.applyDue(on(date.plusDays(1)))).isZero();
        assertThat(audited("REORG_APPLY_SCHEDULED", id)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from unit_succession where reorganization_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void aCancelledReorganizationIsNeverApplied() {
        // given a scheduled merge
        LocalDate date = today.plusDays(5);
        long id = w.api.post("/api/v1/reorganizations", merge(date), w.adminToken)
                .json()
                .get("reorganizationId")
                .asLong();

        // when an administrator cancels it before its date
        assertThat(w.api.post("/api/v1/reorganizations/" + id + "/cancel", Map.of(), w.adminToken)
                        .status())
                .isEqualTo(204);

        // then the job never applies it, and it cannot be cancelled twice
        assertThat(job.applyDue(on(date))).isZero();
        assertThat(unit(w.communeA).has("validTo")).isFalse();
        assertThat(w.api.get("/api/v1/reorganizations/scheduled", w.adminToken).body())
                .doesNotContain("\"id\":" + id + ",");
        Api.Res again = w.api.post("/api/v1/reorganizations/" + id + "/cancel", Map.of(), w.adminToken);
        assertThat(again.status()).isEqualTo(404);
        assertThat(audited("REORG_CANCEL", id)).isEqualTo(1);
    }

    @Test
    void thePageSchedulesShowsAndCancels() {
        WebSession admin = admin();

        assertThat(admin.post("/admin/reorganizations", mergeForm(today.plusDays(20)))
                        .status())
                .isEqualTo(302);
        String page = admin.get("/admin/reorganizations").text();
        assertThat(page)
                .contains("Đã lên lịch sắp xếp đơn vị")
                .contains("Sắp xếp đã lên lịch")
                .contains(new Fmt().date(today.plusDays(20)));
        long id = jdbc.queryForObject("select max(id) from unit_reorganization where status = 'SCHEDULED'", Long.class);

        assertThat(admin.post("/admin/reorganizations/" + id + "/cancel", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(admin.get("/admin/reorganizations").text()).contains("Đã hủy lịch sắp xếp đơn vị.");
        assertThat(unit(w.communeA).has("validTo")).isFalse();
    }
}
