package vn.dvk.unit;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * The reorganization page: an administrator describes a reorganization, previews what it will move (htmx, the
 * same code rolled back), then applies it.
 */
@Controller
class ReorganizationPageController {

    static final String VIEW = "unit/reorganization";

    private final Reorganizations reorganizations;
    private final MessageSource messages;
    private final Validator validator;

    ReorganizationPageController(Reorganizations reorganizations, MessageSource messages, Validator validator) {
        this.reorganizations = reorganizations;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/admin/reorganizations")
    String form(@AuthenticationPrincipal Actor actor, Model model) {
        UnitPolicy.require(actor, UnitPolicy.Act.REORGANIZE);
        model.addAttribute("types", ReorganizationType.values());
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("scheduled", reorganizations.scheduled(actor));
        return VIEW;
    }

    @PostMapping("/admin/reorganizations/{id}/cancel")
    String cancel(@AuthenticationPrincipal Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        UnitPolicy.require(actor, UnitPolicy.Act.REORGANIZE);
        try {
            reorganizations.cancel(actor, id);
            redirect.addFlashAttribute("flashOk", "reorg.cancelled");
        } catch (Problems.Invalid e) {
            redirect.addFlashAttribute("flashError", text("unit.reorg.notCancellable"));
        }
        return "redirect:/admin/reorganizations";
    }

    @PostMapping("/admin/reorganizations/preview")
    String preview(@AuthenticationPrincipal Actor actor, @RequestParam Map<String, String> form, Model model) {
        UnitPolicy.require(actor, UnitPolicy.Act.REORGANIZE);
        Map<String, String> errors = new LinkedHashMap<>();
        ReorganizationRequest request = parse(form, errors);
        if (request != null) {
            try {
                model.addAttribute("report", reorganizations.preview(actor, request));
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.put(fe.field(), text(fe.messageKey(), fe.args())));
            }
        }
        model.addAttribute("errors", errors);
        return VIEW + " :: outcome";
    }

    @PostMapping("/admin/reorganizations")
    String apply(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        UnitPolicy.require(actor, UnitPolicy.Act.REORGANIZE);
        Map<String, String> errors = new LinkedHashMap<>();
        ReorganizationRequest request = parse(form, errors);
        if (request != null) {
            try {
                ReorganizationReport report = reorganizations.apply(actor, request);
                redirect.addFlashAttribute("flashOk", report.isScheduled() ? "reorg.scheduled" : "reorg.applied");
                redirect.addFlashAttribute("report", report);
                return "redirect:/admin/reorganizations";
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.put(fe.field(), text(fe.messageKey(), fe.args())));
            }
        }
        model.addAttribute("types", ReorganizationType.values());
        model.addAttribute("values", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scheduled", reorganizations.scheduled(actor));
        return VIEW;
    }

    /**
     * Reads the form: {@code from} holds unit codes, one per line or separated by commas; each line of {@code to}
     * is a code, or "code | name | level | kind | parent code" for a new unit.
     */
    private ReorganizationRequest parse(Map<String, String> form, Map<String, String> errors) {
        ReorganizationType type = null;
        try {
            type = ReorganizationType.valueOf(form.getOrDefault("type", ""));
        } catch (IllegalArgumentException e) {
            errors.put("type", text("validation.required"));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(form.getOrDefault("effectiveDate", "").trim());
        } catch (DateTimeParseException e) {
            errors.put("effectiveDate", text("validation.badDate"));
        }
        List<String> from = Arrays.stream(form.getOrDefault("from", "").split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .toList();
        if (from.isEmpty()) {
            errors.put("from", text("validation.required"));
        }
        List<ReorganizationRequest.Target> to = new ArrayList<>();
        for (String line : form.getOrDefault("to", "").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            try {
                to.add(
                        parts.length == 1
                                ? new ReorganizationRequest.Target(parts[0].trim(), null, null, null, null)
                                : parts.length == 2
                                        ? new ReorganizationRequest.Target(
                                                parts[0].trim(), parts[1].trim(), null, null, null)
                                        : new ReorganizationRequest.Target(
                                                parts[0].trim(),
                                                parts[1].trim(),
                                                Level.valueOf(parts[2].trim().toUpperCase(Locale.ROOT)),
                                                UnitKind.valueOf(parts[3].trim().toUpperCase(Locale.ROOT)),
                                                parts.length > 4 ? parts[4].trim() : null));
            } catch (IllegalArgumentException e) {
                errors.put("to", text("reorg.to.format"));
            }
        }
        if (to.isEmpty() && !errors.containsKey("to")) {
            errors.put("to", text("validation.required"));
        }
        ReorganizationRequest request = new ReorganizationRequest(type, date, from, to, form.get("note"));
        // The API's rules (lengths, counts, codes), each beside the form's field it belongs to: "to[2].code" → "to".
        Forms.violations(validator, request).forEach((path, message) -> errors.putIfAbsent(Forms.field(path), message));
        return errors.isEmpty() ? request : null;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
