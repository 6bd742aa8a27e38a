package vn.dvk.commendation;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.model.HolderType;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Problems;

/**
 * Commendation pages: the list of a unit's subtree (the recipient's page, paged), the issue form for approvers
 * with messages beside the fields, the certificate PDF, and the section of a model's page.
 */
@Controller
class CommendationPageController {

    private final CommendationRegistry registry;
    private final CommendationCertificate certificate;
    private final Validator validator;
    private final MessageSource messages;

    CommendationPageController(
            CommendationRegistry registry,
            CommendationCertificate certificate,
            Validator validator,
            MessageSource messages) {
        this.registry = registry;
        this.certificate = certificate;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/commendations")
    String list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String code = unit == null || unit.isBlank() ? actor.unitCode() : unit.trim();
        model.addAttribute("page", registry.listIn(actor, code, PageRequest.of(Math.max(page, 0), 20)));
        model.addAttribute("unit", code);
        model.addAttribute("canIssue", CommendationPolicy.mayIssue(actor));
        return "commendation/list";
    }

    @GetMapping("/commendations/new")
    String newForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long model, Model m) {
        CommendationPolicy.requireIssuer(actor);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("issuerUnitCode", actor.unitCode());
        values.put("decisionDate", "");
        values.put("modelIds", model == null ? "" : String.valueOf(model));
        return form(m, values, Map.of());
    }

    @PostMapping("/commendations")
    String issue(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        CommendationPolicy.requireIssuer(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        CommendationForm form = parse(CommendationForm.class, params.get("form"));
        HolderType type = parse(HolderType.class, params.get("recipientType"));
        LocalDate date = null;
        String d = params.get("decisionDate");
        if (d != null && !d.isBlank()) {
            try {
                date = LocalDate.parse(d.trim());
            } catch (DateTimeParseException e) {
                errors.put("decisionDate", text("validation.badDate"));
            }
        }
        Set<Long> modelIds = new LinkedHashSet<>();
        String ids = params.getOrDefault("modelIds", "");
        for (String s : ids.split("[,;\\s]+")) {
            if (!s.isBlank()) {
                try {
                    modelIds.add(Long.parseLong(s.trim()));
                } catch (NumberFormatException e) {
                    errors.put("modelIds", text("model.notFound"));
                }
            }
        }
        NewCommendation c = new NewCommendation(
                form,
                type,
                params.get("recipientName"),
                params.get("unitCode"),
                params.get("issuerUnitCode"),
                params.get("decisionNumber"),
                date,
                params.get("reason"),
                modelIds);
        Forms.violations(validator, c).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                CommendationRegistry.CommendationView saved = registry.issue(actor, c);
                redirect.addFlashAttribute("flashOk", "commendation.saved");
                return "redirect:/commendations?unit=" + saved.unitCode();
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.put(fe.field(), text(fe.messageKey(), fe.args())));
            }
        }
        return form(model, params, errors);
    }

    @GetMapping("/commendations/{id}/certificate.pdf")
    @ResponseBody
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return CommendationDetailApiController.pdf(certificate.pdf(actor, id), id);
    }

    @GetMapping("/models/{id}/commendations")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        model.addAttribute("commendations", registry.ofModel(actor, id));
        model.addAttribute("modelId", id);
        model.addAttribute("canIssue", CommendationPolicy.mayIssue(actor));
        return "commendation/section :: section";
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("forms", CommendationForm.values());
        model.addAttribute("types", HolderType.values());
        return "commendation/form";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null
                ? null
                : Arrays.stream(type.getEnumConstants())
                        .filter(e -> e.name().equals(value))
                        .findFirst()
                        .orElse(null);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
