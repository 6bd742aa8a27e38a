package vn.dvk.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dvk.progress.EvidenceStore;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/** Inspections: plan, findings with photos, follow-ups and answers, conclusion, the report PDF. */
@RestController
@Validated
class InspectionApiController {

    private final InspectionRegistry registry;
    private final InspectionReport report;
    private final EvidenceStore store;

    InspectionApiController(InspectionRegistry registry, InspectionReport report, EvidenceStore store) {
        this.registry = registry;
        this.report = report;
        this.store = store;
    }

    /** An inspection to plan. */
    record PlanRequest(
            String unitCode,
            LocalDate plannedOn,
            @Size(max = 1000) String purpose,

            @Size(max = 30, message = "{validation.maxItems}")
            List<String> members,

            @Size(max = 50, message = "{validation.maxItems}")
            List<Long> modelIds) {}

    /** A follow-up to ask for; {@code modelId} is optional. */
    record FollowUpRequest(Long modelId, String request, LocalDate dueOn) {}

    /** The inspected unit's answer. */
    record AnswerRequest(String answer) {}

    /** The inspection's conclusion. */
    record ConclusionRequest(String conclusion) {}

    @PostMapping("/api/v1/inspections")
    ResponseEntity<InspectionRegistry.InspectionView> plan(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody PlanRequest r) {
        InspectionRegistry.InspectionView v = registry.plan(
                actor,
                new InspectionRegistry.NewInspection(
                        r.unitCode(), r.plannedOn(), r.purpose(), r.members(), r.modelIds()));
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + v.id()))
                .body(v);
    }

    @GetMapping("/api/v1/inspections")
    PagedModel<InspectionRegistry.Summary> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new PagedModel<>(registry.list(actor, PageRequest.of(page, size)));
    }

    @GetMapping("/api/v1/inspections/{id}")
    InspectionRegistry.InspectionView get(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registry.get(actor, id);
    }

    /** A finding: form fields modelId, criterion, verdict, notes, and any number of {@code photos} parts. */
    @PostMapping(
            path = "/api/v1/inspections/{id}/findings",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    ResponseEntity<InspectionRegistry.FindingView> finding(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String modelId,
            @RequestParam(required = false) String criterion,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String notes,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos) {
        InspectionRegistry.FindingView v = registry.recordFinding(
                actor,
                id,
                new InspectionRegistry.NewFinding(parseId(modelId, "modelId"), criterion, parseVerdict(verdict), notes),
                photos == null
                        ? List.of()
                        : photos.stream()
                                .filter(p -> p.getOriginalFilename() != null
                                        && !p.getOriginalFilename().isBlank())
                                .map(EvidenceStore.Upload::of)
                                .toList());
        return ResponseEntity.status(201).body(v);
    }

    @PostMapping("/api/v1/inspections/{id}/follow-ups")
    ResponseEntity<InspectionRegistry.FollowUpView> followUp(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody FollowUpRequest r) {
        return ResponseEntity.status(201)
                .body(registry.requestFollowUp(
                        actor, id, new InspectionRegistry.NewFollowUp(r.modelId(), r.request(), r.dueOn())));
    }

    @PostMapping("/api/v1/follow-ups/{id}/answer")
    InspectionRegistry.FollowUpView answer(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody AnswerRequest r) {
        return registry.answer(actor, id, r.answer());
    }

    @PostMapping("/api/v1/inspections/{id}/conclusion")
    InspectionRegistry.InspectionView conclude(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @RequestBody ConclusionRequest r) {
        return registry.conclude(actor, id, r.conclusion());
    }

    @GetMapping("/api/v1/inspections/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return pdfResponse(report.pdf(actor, id), id);
    }

    @GetMapping("/api/v1/inspections/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @PathVariable Long photoId) {
        return store.serve(registry.photo(actor, id, photoId));
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] pdf, Long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("kiem-tra-" + id + ".pdf")
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    static Long parseId(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new Problems.Invalid(field, "validation.badValue");
        }
    }

    static Verdict parseVerdict(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Verdict.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new Problems.Invalid("verdict", "validation.badValue");
        }
    }
}
