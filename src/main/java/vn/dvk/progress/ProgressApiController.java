package vn.dvk.progress;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** {@code /api/v1/models/{id}/progress-reports}. */
@RestController
@RequestMapping("/api/v1/models/{id}/progress-reports")
class ProgressApiController {

    private final Progress progress;

    ProgressApiController(Progress progress) {
        this.progress = progress;
    }

    /** A progress report to file. */
    record ReportRequest(@NotNull(message = "{validation.required}") LocalDate asOf,
                         @NotNull(message = "{validation.required}")
                         @Size(max = 100, message = "{validation.maxItems}") List<Progress.IndicatorValue> indicators,
                         @Size(max = 20000, message = "{validation.maxLength}") String narrative) {
    }

    @PostMapping
    ResponseEntity<Progress.ReportView> file(@AuthenticationPrincipal Actor actor, @PathVariable Long id,
                                             @Valid @RequestBody ReportRequest request) {
        Progress.ReportView report = progress.file(actor, id, request.asOf(), request.indicators(), request.narrative());
        return ResponseEntity.created(URI.create("/api/v1/models/" + id + "/progress-reports/" + report.id()))
                .body(report);
    }

    @GetMapping
    List<Progress.ReportView> list(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return progress.of(actor, id);
    }
}
