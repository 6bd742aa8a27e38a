package vn.dvk.showcase;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.dvk.model.Field;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.PublicModelFilter;
import vn.dvk.progress.EvidenceStore;
import vn.dvk.progress.Progress;
import vn.dvk.recognition.round.PublicComments;
import vn.dvk.shared.Level;

/**
 * {@code /api/v1/public/models}: the public library without sign-in (recognized, not retired models only; 404 alike
 * for anything else), each model's indicator chart and public photos, and citizens' ratings.
 */
@RestController
@RequestMapping("/api/v1/public")
class ShowcaseApiController {

    private final PublicLibrary library;
    private final CitizenFeedback feedback;
    private final Progress progress;
    private final EvidenceStore store;
    private final ShowcaseProperties settings;
    private final PublicComments nominations;
    private final NominationComments comments;

    ShowcaseApiController(
            PublicLibrary library,
            CitizenFeedback feedback,
            Progress progress,
            EvidenceStore store,
            ShowcaseProperties settings,
            PublicComments nominations,
            NominationComments comments) {
        this.nominations = nominations;
        this.comments = comments;
        this.library = library;
        this.feedback = feedback;
        this.progress = progress;
        this.store = store;
        this.settings = settings;
    }

    /** A citizen's rating of a model: 1 to 5 and an optional comment. */
    record FeedbackRequest(
            @NotNull(message = "{validation.required}")
            @Min(value = 1, message = "{showcase.rating.range}")
            @Max(value = 5, message = "{showcase.rating.range}")
            Integer rating,

            @Size(max = CitizenFeedback.MAX_COMMENT, message = "{validation.maxLength}")
            String comment) {}

    @GetMapping("/models")
    ResponseEntity<PagedModel<PublicModel>> list(
            @RequestParam(required = false) @Size(max = 32) String province,
            @RequestParam(required = false) Field field,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) @Min(2009) @Max(2100) Integer year,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            WebRequest request,
            HttpServletResponse response) {
        PublicModelFilter filter = new PublicModelFilter(province, field, level, year, q);
        if (PublicCaching.notModified(
                request, response, library.version(), settings.maxAge(), "list", filter, page, size)) {
            return null;
        }
        Page<PublicModel> models = library.list(filter, PageRequest.of(page, size));
        var answer = ResponseEntity.ok();
        if (models instanceof ModelRegistry.CappedPage<?> c && c.capped()) {
            answer.header(ModelRegistry.CappedPage.HEADER, "true");
        }
        return answer.body(new PagedModel<>(models));
    }

    @GetMapping("/models/{id}")
    ResponseEntity<PublicModelPage> get(@PathVariable Long id, WebRequest request, HttpServletResponse response) {
        PublicModelPage page = library.page(id);
        if (PublicCaching.notModified(request, response, library.version(), settings.maxAge(), "model", id)) {
            return null;
        }
        return ResponseEntity.ok(page);
    }

    /** Each indicator of a public model over time, against its baseline and target. */
    @GetMapping("/models/{id}/indicators")
    ResponseEntity<List<Progress.Series>> chart(
            @PathVariable Long id, WebRequest request, HttpServletResponse response) {
        library.page(id);
        if (PublicCaching.notModified(request, response, library.version(), settings.maxAge(), "chart", id)) {
            return null;
        }
        return ResponseEntity.ok(library.chart(id));
    }

    /** A QR code (PNG, 320 pixels) of the model's public page: its absolute address on {@code dvk.public-url}. */
    @GetMapping("/models/{id}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable Long id, WebRequest request, HttpServletResponse response) {
        PublicModelPage page = library.page(id);
        if (PublicCaching.notModified(request, response, library.version(), settings.maxAge(), "qr", page.url())) {
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(page.url(), QR_SIZE));
    }

    /** The side of a QR code image, in pixels. */
    static final int QR_SIZE = 320;

    /** A photo its unit shows on the model's public page; 404 alike for any other file. */
    @GetMapping("/models/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(@PathVariable Long id, @PathVariable Long photoId) {
        return store.serve(progress.publicPhoto(id, photoId));
    }

    @PostMapping("/models/{id}/feedback")
    ResponseEntity<CitizenFeedback.Summary> feedback(
            @PathVariable Long id, @Valid @RequestBody FeedbackRequest body, HttpServletRequest request) {
        CitizenFeedback.Summary summary = feedback.send(id, body.rating(), body.comment(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/public/models/" + id)).body(summary);
    }

    /** A comment on a nominee: the text, and optionally who sends it and how to reach them (seen by the board only). */
    record CommentRequest(
            @NotBlank(message = "{validation.required}")
            @Size(max = PublicComments.MAX_TEXT, message = "{validation.maxLength}")
            String text,

            @Size(max = PublicComments.MAX_NAME, message = "{validation.maxLength}")
            String name,

            @Size(max = PublicComments.MAX_NAME, message = "{validation.maxLength}")
            String contact) {}

    /** The nominees whose public comment window is open today, with its closing date. */
    @GetMapping("/nominations")
    List<PublicComments.Nominee> nominations() {
        return nominations.openNominations();
    }

    /** A comment on a nominee: 201 inside its window, 409 outside it, 404 for a proposal never published. */
    @PostMapping("/nominations/{proposalId}/comments")
    ResponseEntity<Void> comment(
            @PathVariable Long proposalId, @Valid @RequestBody CommentRequest body, HttpServletRequest request) {
        comments.send(proposalId, body.text(), body.name(), body.contact(), request.getRemoteAddr());
        return ResponseEntity.status(201).build();
    }
}
