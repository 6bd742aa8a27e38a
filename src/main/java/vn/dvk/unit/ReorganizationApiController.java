package vn.dvk.unit;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** {@code /api/v1/reorganizations}: apply a reorganization, or preview what it would change. */
@RestController
@RequestMapping("/api/v1/reorganizations")
class ReorganizationApiController {

    private final Reorganizations reorganizations;

    ReorganizationApiController(Reorganizations reorganizations) {
        this.reorganizations = reorganizations;
    }

    @PostMapping
    ResponseEntity<ReorganizationReport> apply(@AuthenticationPrincipal Actor actor,
                                               @Valid @RequestBody ReorganizationRequest request) {
        ReorganizationReport report = reorganizations.apply(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/reorganizations/" + report.getReorganizationId()))
                .body(report);
    }

    @PostMapping("/preview")
    ReorganizationReport preview(@AuthenticationPrincipal Actor actor,
                                 @Valid @RequestBody ReorganizationRequest request) {
        return reorganizations.preview(actor, request);
    }
}
