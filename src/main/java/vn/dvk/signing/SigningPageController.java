package vn.dvk.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitRef;

/**
 * The pages of signed documents: an administrator's page of a unit's signing certificate (upload, replace, remove),
 * and the check of a signed PDF for everyone signed in.
 */
@Controller
class SigningPageController {

    static final String CERTIFICATE_VIEW = "signing/certificate";
    static final String VERIFY_VIEW = "signing/verify";

    private final SigningCertificateRegistry certificates;
    private final MessageSource messages;

    SigningPageController(SigningCertificateRegistry certificates, MessageSource messages) {
        this.certificates = certificates;
        this.messages = messages;
    }

    @GetMapping("/admin/signing")
    String certificate(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String unit, Model model) {
        return render(
                actor, unit == null || unit.isBlank() ? actor.unitCode() : unit.trim(), Map.of(), null, null, model);
    }

    @PostMapping("/admin/signing")
    String upload(
            @AuthenticationPrincipal Actor actor,
            @RequestParam String unit,
            @RequestParam(name = "file", required = false) List<MultipartFile> file,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String signerName,
            @RequestParam(required = false) String position,
            Model model,
            RedirectAttributes redirect) {
        certificates.managed(actor, unit);
        try {
            byte[] bytes = SigningApiController.bytes(
                    file, Pkcs12File.MAX_BYTES, "signing.file.tooLarge", Pkcs12File.MAX_BYTES / 1024);
            certificates.upload(actor, unit, bytes, password, signerName, position);
        } catch (Problems.Invalid e) {
            return render(actor, unit, errors(e), signerName, position, model);
        } catch (Problems.Conflict e) {
            return render(actor, unit, Map.of("file", text(e.messageKey(), e.args())), signerName, position, model);
        }
        redirect.addFlashAttribute("flashOk", "signing.page.saved");
        return "redirect:/admin/signing?unit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8);
    }

    @PostMapping("/admin/signing/remove")
    String remove(@AuthenticationPrincipal Actor actor, @RequestParam String unit, RedirectAttributes redirect) {
        certificates.remove(actor, unit);
        redirect.addFlashAttribute("flashOk", "signing.page.removed");
        return "redirect:/admin/signing?unit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8);
    }

    @GetMapping("/documents/verify")
    String verifyForm() {
        return VERIFY_VIEW;
    }

    /** Checks the uploaded PDF and shows the result on the same page (nothing is stored). */
    @PostMapping("/documents/verify")
    String verify(@RequestParam(name = "file", required = false) List<MultipartFile> file, Model model) {
        try {
            model.addAttribute(
                    "report",
                    PdfSignatures.verify(SigningApiController.bytes(
                            file,
                            SigningApiController.MAX_PDF,
                            "signing.verify.tooLarge",
                            SigningApiController.MAX_PDF / 1024 / 1024)));
        } catch (Problems.Invalid e) {
            model.addAttribute("fileError", errors(e).values().iterator().next());
        }
        return VERIFY_VIEW;
    }

    private String render(
            Actor actor, String code, Map<String, String> errors, String signerName, String position, Model model) {
        UnitRef unit = certificates.managed(actor, code);
        model.addAttribute("unit", unit);
        model.addAttribute("current", certificates.find(actor, code).orElse(null));
        model.addAttribute("configured", certificates.configured());
        model.addAttribute("errors", errors);
        model.addAttribute("signerName", signerName);
        model.addAttribute("position", position);
        return CERTIFICATE_VIEW;
    }

    private Map<String, String> errors(Problems.Invalid e) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Problems.FieldError f : e.errors()) {
            out.putIfAbsent(f.field(), text(f.messageKey(), f.args()));
        }
        return out;
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
