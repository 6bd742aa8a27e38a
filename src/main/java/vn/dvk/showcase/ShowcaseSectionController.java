package vn.dvk.showcase;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dvk.document.DocumentRenderer;
import vn.dvk.document.Signboard;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;

/**
 * The model page's "public face" section for signed-in users who may see the model: whether it is public, its
 * citizens' ratings, its QR code, and its printable signboard (A4, A5).
 */
@Controller
class ShowcaseSectionController {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final ModelRegistry models;
    private final PublicLibrary library;
    private final CitizenFeedback feedback;
    private final DocumentRenderer renderer;
    private final MessageSource messages;
    private final Fmt fmt;

    ShowcaseSectionController(
            ModelRegistry models,
            PublicLibrary library,
            CitizenFeedback feedback,
            DocumentRenderer renderer,
            MessageSource messages,
            Fmt fmt) {
        this.models = models;
        this.library = library;
        this.feedback = feedback;
        this.renderer = renderer;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/models/{id}/showcase")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        ModelView m = models.get(actor, id);
        boolean isPublic = ModelRegistry.isPublic(m);
        model.addAttribute("modelId", id);
        model.addAttribute("isPublic", isPublic);
        model.addAttribute("publicUrl", isPublic ? library.url(id) : null);
        model.addAttribute("feedback", feedback.of(List.of(id)).getOrDefault(id, CitizenFeedback.Summary.NONE));
        return "showcase/section :: section";
    }

    /** The signboard of a public model the user may see, on A4 (default) or A5; 404 for a model not public. */
    @GetMapping("/models/{id}/signboard.pdf")
    ResponseEntity<byte[]> signboard(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(defaultValue = "A4") Signboard.Size size) {
        models.get(actor, id);
        PublicModelPage page = library.page(id);
        PublicModel m = page.model();
        List<String> recognitions = m.recognitions().stream()
                .map(r -> messages.getMessage(
                        "showcase.recognized",
                        new Object[] {
                            messages.getMessage("enum.Level." + r.level(), null, VI),
                            r.decisionNumber(),
                            fmt.date(r.decisionDate())
                        },
                        VI))
                .toList();
        if (recognitions.isEmpty() && page.recognizedLevel() != null) {
            recognitions = List.of(messages.getMessage(
                    "showcase.recognizedAt",
                    new Object[] {messages.getMessage("enum.Level." + page.recognizedLevel(), null, VI)},
                    VI));
        }
        byte[] pdf = renderer.signboard(new Signboard(
                m.title(),
                m.unitName(),
                m.provinceName(),
                recognitions,
                QrCodes.png(page.url(), 600),
                page.url(),
                size));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        "bien-mo-hinh-" + id + "-" + size.name().toLowerCase(VI) + ".pdf",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(pdf);
    }
}
