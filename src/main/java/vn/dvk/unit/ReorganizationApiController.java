package vn.dvk.unit;

import jakarta.validation.Valid;
import java.net.URI;
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

/**
 * {@code /api/v1/reorganizations}: apply a reorganization (one with a future date is scheduled), preview what it
 * would change, list and cancel scheduled ones.
 */
@RestController
@RequestMapping("/api/v1/reorganizations")
class ReorganizationApiController {

    private final Reorganizations reorganizations;

    ReorganizationApiController(Reorganizations reorganizations) {
        this.reorganizations = reorganizations;
    }

    @PostMapping
    ResponseEntity<ReorganizationReport> apply(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody ReorganizationRequest request) {
        ReorganizationReport report = reorganizations.apply(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/reorganizations/" + report.getReorganizationId()))
                .body(report);
    }

    /** The reorganizations waiting for their effective date. */
    @GetMapping("/scheduled")
    List<Reorganizations.Scheduled> scheduled(@AuthenticationPrincipal Actor actor) {
        return reorganizations.scheduled(actor);
    }

    /** Cancels a scheduled reorganization before its effective date. */
    @PostMapping("/{id}/cancel")
    ResponseEntity<Void> cancel(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        reorganizations.cancel(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/preview")
    ReorganizationReport preview(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody ReorganizationRequest request) {
        return reorganizations.preview(actor, request);
    }
}
