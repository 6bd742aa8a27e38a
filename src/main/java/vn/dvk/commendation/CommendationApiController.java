package vn.dvk.commendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** {@code /api/v1/commendations}. */
@RestController
@RequestMapping("/api/v1/commendations")
class CommendationApiController {

    private final CommendationRegistry registry;

    CommendationApiController(CommendationRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<CommendationRegistry.CommendationView> issue(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody NewCommendation request) {
        CommendationRegistry.CommendationView c = registry.issue(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/commendations/" + c.id()))
                .body(c);
    }

    @GetMapping
    PagedModel<CommendationRegistry.CommendationView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new PagedModel<>(registry.list(actor, PageRequest.of(page, size)));
    }
}
