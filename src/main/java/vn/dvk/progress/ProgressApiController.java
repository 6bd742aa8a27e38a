package vn.dvk.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.shared.Actor;

/** Progress reports, their evidence files, the indicator chart and the reporting deadline of a model. */
@RestController
@RequestMapping("/api/v1/models/{id}")
class ProgressApiController {

    private final Progress progress;
    private final ReportingDeadlines deadlines;
    private final FormalismSignals signals;
    private final EvidenceStore store;
    private final Clock clock;

    ProgressApiController(
            Progress progress,
            ReportingDeadlines deadlines,
            FormalismSignals signals,
            EvidenceStore store,
            Clock clock) {
        this.progress = progress;
        this.deadlines = deadlines;
        this.signals = signals;
        this.store = store;
        this.clock = clock;
    }

    /** A progress report to file; {@code period} (2024-H1, 2024-H2, 2024-Y) defaults to the half-year of asOf. */
    record ReportRequest(
            @NotNull(message = "{validation.required}") LocalDate asOf,

            @NotNull(message = "{validation.required}") @Size(max = 100, message = "{validation.maxItems}")
            List<Progress.IndicatorValue> indicators,

            @Size(max = 20000, message = "{validation.maxLength}")
            String narrative,

            @Size(max = 10, message = "{validation.maxLength}")
            String period) {}

    @PostMapping(path = "/progress-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Progress.ReportView> file(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody ReportRequest request) {
        Progress.ReportView report = progress.file(
                actor,
                id,
                new Progress.ReportInput(request.asOf(), request.period(), request.indicators(), request.narrative()),
                List.of());
        return ResponseEntity.created(URI.create("/api/v1/models/" + id + "/progress-reports/" + report.id()))
                .body(report);
    }

    @GetMapping("/progress-reports")
    List<Progress.ReportView> list(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return progress.of(actor, id);
    }

    /** Evidence files for a filed report: one or more multipart parts named {@code file}. */
    @PostMapping(path = "/progress-reports/{reportId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<Progress.EvidenceView>> evidence(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long reportId,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "public", defaultValue = "false") boolean shown) {
        List<EvidenceStore.Upload> uploads = files == null
                ? List.of()
                : files.stream().map(EvidenceStore.Upload::of).toList();
        List<Progress.EvidenceView> saved = progress.addEvidence(actor, id, reportId, uploads, shown);
        return ResponseEntity.status(201).body(saved);
    }

    /** The bytes of an evidence file, with its checked content type. */
    @GetMapping("/evidence/{evidenceId}")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @PathVariable Long evidenceId) {
        return store.serve(progress.evidence(actor, id, evidenceId));
    }

    /** Whether a photo of the evidence is shown on the model's public page. */
    record PublicFlag(
            @NotNull(message = "{validation.required}") @JsonProperty("public")
            Boolean shown) {}

    /** Shows an evidence photo on the model's public page ({@code public: true}) or hides it again. */
    @PostMapping("/evidence/{evidenceId}/public")
    Progress.EvidenceView showInPublic(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long evidenceId,
            @Valid @RequestBody PublicFlag request) {
        return progress.showInPublic(actor, id, evidenceId, request.shown());
    }

    /** Each indicator over time against its baseline and target. */
    @GetMapping("/progress-chart")
    List<Progress.Series> chart(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return progress.chart(actor, id);
    }

    /** The last ended half-year's report (due, reported or overdue) and the next deadline; 204 when none applies. */
    @GetMapping("/reporting-deadline")
    ResponseEntity<ReportingDeadlines.Status> deadline(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        ReportingDeadlines.Status s = deadlines.status(actor, id, LocalDate.now(clock));
        return s == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(s);
    }

    /** Signs of formalism for this model (empty when none). */
    @GetMapping("/formalism-signals")
    List<FormalismSignals.Signal> signals(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return signals.of(actor, id, LocalDate.now(clock));
    }
}
