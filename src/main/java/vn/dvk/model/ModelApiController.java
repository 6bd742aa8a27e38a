package vn.dvk.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Level;

/** {@code /api/v1/models}: registration, the list, and the transitions of a model's life. */
@RestController
@RequestMapping("/api/v1/models")
class ModelApiController {

    private final ModelRegistry registry;
    private final RegistrationDocument registrationDocument;

    ModelApiController(ModelRegistry registry, RegistrationDocument registrationDocument) {
        this.registry = registry;
        this.registrationDocument = registrationDocument;
    }

    /** One line of a model's timeline. */
    record TimelineEntry(Instant at, String actor, String action, String from, String to, String comment) {}

    @PostMapping
    ResponseEntity<ModelView> register(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody ModelRegistration request) {
        ModelView model = registry.register(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/models/" + model.id()))
                .body(model);
    }

    /**
     * The list; when more than {@link ModelRegistry#COUNT_CAP} models match, {@code totalElements} is that cap and the
     * header {@code DVK-Total-Capped: true} says that there are more.
     */
    @GetMapping
    ResponseEntity<PagedModel<ModelView>> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Size(max = 32) String unit,
            @RequestParam(required = false) Field field,
            @RequestParam(required = false) ModelStatus status,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) @Min(2009) @Max(2100) Integer year,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = registry.search(
                actor, new ModelFilter(unit, field, status, level, year, q), PageRequest.of(page, size));
        var response = ResponseEntity.ok();
        if (result instanceof ModelRegistry.CappedPage<?> c && c.capped()) {
            response.header(TOTAL_CAPPED, "true");
        }
        return response.body(new PagedModel<>(result));
    }

    /** Header of a list whose total is capped: there are more models than {@code totalElements}. */
    static final String TOTAL_CAPPED = ModelRegistry.CappedPage.HEADER;

    @GetMapping("/{id}")
    ModelView get(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registry.get(actor, id);
    }

    @PutMapping("/{id}")
    ModelView edit(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @Valid @RequestBody ModelRegistration request) {
        return registry.edit(actor, id, request, request.version());
    }

    @PostMapping("/{id}/submit")
    ModelView submit(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registry.submit(actor, id);
    }

    @PostMapping("/{id}/appraisal")
    ModelView appraise(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody AppraisalRequest request) {
        return registry.appraise(actor, id, request.decision(), request.comment());
    }

    @PostMapping("/{id}/reviews")
    ModelView review(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @Valid @RequestBody ReviewRequest request) {
        return registry.review(actor, id, request.year(), request.outcome(), request.comment());
    }

    /** The registration form (Phiếu đăng ký) as a PDF; 404 for a model the caller may not read. */
    @GetMapping(value = "/{id}/registration.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> registrationPdf(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registrationDocument.pdf(actor, id);
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registry.timeline(actor, id).stream()
                .map(e -> new TimelineEntry(
                        e.getAt(), e.getActor(), e.getAction(), e.getFromState(), e.getToState(), e.getComment()))
                .toList();
    }
}
