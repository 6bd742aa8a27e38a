package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.account.Accounts;
import vn.dvk.shared.Actor;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Deadlines and formalism signals as they stand on days to come: the services take the day, so the tests
 * need no clock of their own.
 */
class DeadlinesAndSignalsTests extends IntegrationTest {

    @Autowired
    ReportingDeadlines deadlines;

    @Autowired
    FormalismSignals signals;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private World w;
    private Api api;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final ReportPeriod current = ReportPeriod.halfOf(today);

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

    private Actor actor(String key) {
        return accounts.authenticate(w.username(key), PASSWORD, "test");
    }

    private List<String> actions(long id) {
        return api.get("/api/v1/models/" + id + "/timeline", w.token("reporterA"))
                .json()
                .valueStream()
                .map(e -> e.get("action").asString())
                .toList();
    }

    @Test
    void anAcceptanceIsRecordedByProgressOnceAndARejectionNot() {
        // given a model accepted, and one rejected
        long accepted = acceptedModel("Mô hình được chấp nhận " + w.communeA);
        long rejected = w.draft(
                "reporterA", World.registration("Mô hình bị từ chối " + w.communeA, w.communeA, "DISTRICT", "ECONOMY"));
        w.submit("reporterA", rejected);
        assertThat(w.appraise("appraiserD", rejected, "REJECT", "Chưa đủ điều kiện")
                        .status())
                .isEqualTo(200);

        // then progress knows when the first was accepted (the audit trail's APPRAISE_ACCEPT, within the same
        // transaction), and nothing of the second
        String acceptedAt = "select accepted_at from progress_acceptance where model_id = ?";
        assertThat(jdbc.queryForList(acceptedAt, Timestamp.class, accepted))
                .singleElement()
                .satisfies(at -> assertThat(jdbc.queryForObject(
                                        "select at from shared_audit_entry where subject_type = 'MODEL' and subject_id = ?"
                                                + " and action = 'APPRAISE_ACCEPT'",
                                        Timestamp.class,
                                        accepted)
                                .toInstant())
                        .isBetween(at.toInstant(), at.toInstant().plusSeconds(5)));
        assertThat(jdbc.queryForList(acceptedAt, Timestamp.class, rejected)).isEmpty();
    }

    @Test
    void aHalfYearReportIsDueAfterTheHalfYearThenOverdueAndTheJobFlagsItOnce() {
        // given two accepted models, one of which reports on the current half-year
        long reported = acceptedModel("Mô hình đã báo cáo " + w.communeA);
        long silent = acceptedModel("Mô hình chưa báo cáo " + w.communeA);
        assertThat(api.post(
                                "/api/v1/models/" + reported + "/progress-reports",
                                Map.of(
                                        "asOf",
                                        today.toString(),
                                        "period",
                                        current.code(),
                                        "indicators",
                                        List.of(Map.of("code", "SO_HO_THAM_GIA", "value", 120))),
                                w.token("reporterA"))
                        .status())
                .isEqualTo(201);
        LocalDate dueOn = current.end().plusDays(deadlines.dueDays());

        // when "Việc cần làm" is read five days after the half-year ends
        Map<String, List<ReportingDeadlines.Due>> early =
                deadlines.inbox(actor("reporterA"), current.end().plusDays(5), 200);
        Map<String, List<ReportingDeadlines.Due>> earlyBoard =
                deadlines.inbox(actor("appraiserD"), current.end().plusDays(5), 200);

        // then the reporter sees the silent model's report due (not yet overdue), the board nothing overdue
        assertThat(early.get("reportsDue"))
                .extracting(ReportingDeadlines.Due::modelId)
                .contains(silent)
                .doesNotContain(reported);
        ReportingDeadlines.Due due = early.get("reportsDue").stream()
                .filter(d -> d.modelId() == silent)
                .findFirst()
                .orElseThrow();
        assertThat(due.dueOn()).isEqualTo(dueOn);
        assertThat(due.overdue()).isFalse();
        assertThat(due.period()).isEqualTo(current.code());
        assertThat(earlyBoard.get("reportsOverdue"))
                .extracting(ReportingDeadlines.Due::modelId)
                .doesNotContain(silent);

        // and after the deadline the report is overdue for the reporter and for the board of the district
        LocalDate late = dueOn.plusDays(1);
        assertThat(deadlines.inbox(actor("reporterA"), late, 200).get("reportsDue"))
                .filteredOn(d -> d.modelId() == silent)
                .singleElement()
                .extracting(ReportingDeadlines.Due::overdue)
                .isEqualTo(true);
        assertThat(deadlines.inbox(actor("appraiserD"), late, 200).get("reportsOverdue"))
                .extracting(ReportingDeadlines.Due::modelId)
                .contains(silent)
                .doesNotContain(reported);
        // but not for a reporter of the other commune
        assertThat(deadlines.inbox(actor("reporterB"), late, 200).get("reportsDue"))
                .extracting(ReportingDeadlines.Due::modelId)
                .doesNotContain(silent);

        // and the model's own status says so
        ReportingDeadlines.Status status = deadlines.status(actor("reporterA"), silent, late);
        assertThat(status.overdue()).isTrue();
        assertThat(status.reported()).isFalse();
        assertThat(deadlines.status(actor("reporterA"), reported, late).reported())
                .isTrue();

        // when the overdue job's work runs twice on that day
        deadlines.flagOverdue(late);
        deadlines.flagOverdue(late);

        // then the silent model's timeline says it is overdue, once; the other's does not
        assertThat(actions(silent)).filteredOn("PROGRESS_OVERDUE"::equals).hasSize(1);
        assertThat(actions(reported)).doesNotContain("PROGRESS_OVERDUE");
    }

    @Test
    void modelsSilentForTwelveMonthsOrWhoseIndicatorsDidNotMoveAreFlaggedWithTheReason() {
        // given a model that never reports, one that reports now, and one whose two reports say the same
        long silent = acceptedModel("Mô hình im lặng " + w.communeA);
        long active = acceptedModel("Mô hình báo cáo đều " + w.communeA);
        long still = acceptedModel("Mô hình đứng yên " + w.communeA);
        api.post(
                "/api/v1/models/" + active + "/progress-reports",
                Map.of("asOf", today.toString(), "indicators", List.of(Map.of("code", "SO_HO_THAM_GIA", "value", 120))),
                w.token("reporterA"));
        for (String asOf : List.of("2025-06-30", "2025-12-31")) {
            api.post(
                    "/api/v1/models/" + still + "/progress-reports",
                    Map.of(
                            "asOf",
                            asOf,
                            "indicators",
                            List.of(Map.of("code", "DAN_ONG", "value", 970), Map.of("code", "HOI_VIEN", "value", 33))),
                    w.token("reporterA"));
        }

        // when the signals are read thirteen months from now
        List<FormalismSignals.Signal> later = signals.list(actor("appraiserD"), w.communeA, today.plusMonths(13));
        // and today
        List<FormalismSignals.Signal> now = signals.list(actor("appraiserD"), w.communeA, today);

        // then the silent model is flagged for no report, since its acceptance
        assertThat(later)
                .filteredOn(s -> s.modelId() == silent)
                .extracting(FormalismSignals.Signal::reason)
                .containsExactly(FormalismSignals.Reason.NO_REPORT_12_MONTHS);
        assertThat(now).extracting(FormalismSignals.Signal::modelId).doesNotContain(silent, active);
        // and the model whose indicators stood still is flagged with the two reports compared
        FormalismSignals.Signal s =
                now.stream().filter(x -> x.modelId() == still).findFirst().orElseThrow();
        assertThat(s.reason()).isEqualTo(FormalismSignals.Reason.INDICATORS_NOT_MOVED);
        assertThat(s.since()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(s.latest()).isEqualTo(LocalDate.of(2025, 12, 31));
        // and the model that reports now is flagged neither today nor in thirteen months for standing still
        assertThat(later)
                .filteredOn(x -> x.modelId() == active)
                .extracting(FormalismSignals.Signal::reason)
                .containsExactly(FormalismSignals.Reason.NO_REPORT_12_MONTHS);

        // and a third report that moves clears the signal
        api.post(
                "/api/v1/models/" + still + "/progress-reports",
                Map.of(
                        "asOf",
                        today.toString(),
                        "indicators",
                        List.of(Map.of("code", "DAN_ONG", "value", 1000), Map.of("code", "HOI_VIEN", "value", 33))),
                w.token("reporterA"));
        assertThat(signals.list(actor("appraiserD"), w.communeA, today))
                .extracting(FormalismSignals.Signal::modelId)
                .doesNotContain(still);

        // and the API and the page show the reason
        assertThat(api.get("/api/v1/formalism-signals?unit=" + w.communeA, w.token("viewerP"))
                        .body())
                .doesNotContain("\"modelId\":" + still + ",");
        api.post(
                "/api/v1/models/" + still + "/progress-reports",
                Map.of(
                        "asOf",
                        today.toString(),
                        "indicators",
                        List.of(Map.of("code", "DAN_ONG", "value", 1000), Map.of("code", "HOI_VIEN", "value", 33))),
                w.token("reporterA"));
        assertThat(api.get("/api/v1/models/" + still + "/formalism-signals", w.token("viewerP"))
                        .json())
                .singleElement()
                .satisfies(j -> assertThat(j.get("reason").asString()).isEqualTo("INDICATORS_NOT_MOVED"));
        vn.dvk.support.WebSession web =
                vn.dvk.support.WebSession.signedIn(api.base(), w.username("appraiserD"), PASSWORD);
        assertThat(web.get("/progress/signals").text())
                .contains("Mô hình đứng yên " + w.communeA)
                .contains("Các chỉ tiêu không thay đổi giữa hai báo cáo gần nhất");
        assertThat(web.get("/models/" + still + "/progress").text()).contains("Cần xem xét khi đánh giá hằng năm");
    }
}
