package vn.dvk.progress;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/** The progress section of a model's page (loaded by htmx) and its report form. */
@Controller
class ProgressPageController {

    static final String SECTION = "progress/reports :: section";

    private final Progress progress;
    private final ModelRegistry models;
    private final MessageSource messages;
    private final Clock clock;

    ProgressPageController(Progress progress, ModelRegistry models, MessageSource messages, Clock clock) {
        this.progress = progress;
        this.models = models;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/models/{id}/progress")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        return render(actor, id, model, Map.of(), Map.of());
    }

    @PostMapping("/models/{id}/progress")
    String file(@AuthenticationPrincipal Actor actor, @PathVariable Long id,
                @RequestParam(required = false) String asOf,
                @RequestParam(name = "code", required = false) List<String> codes,
                @RequestParam(name = "value", required = false) List<String> values,
                @RequestParam(required = false) String narrative,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        try {
            date = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            errors.put("asOf", text("validation.badDate"));
        }
        if (date == null && !errors.containsKey("asOf")) {
            errors.put("asOf", text("validation.required"));
        }
        List<Progress.IndicatorValue> indicators = new ArrayList<>();
        int n = codes == null ? 0 : codes.size();
        for (int i = 0; i < n; i++) {
            String c = codes.get(i);
            String v = values != null && i < values.size() ? values.get(i) : null;
            if ((c == null || c.isBlank()) && (v == null || v.isBlank())) {
                continue;
            }
            try {
                indicators.add(new Progress.IndicatorValue(c == null ? null : c.trim(),
                        vn.dvk.shared.Fmt.parseNumber(v)));
            } catch (NumberFormatException e) {
                errors.put("indicators", text("progress.value.range"));
            }
        }
        if (narrative != null && narrative.length() > 20000) {
            errors.put("narrative", text("validation.maxLengthN", 20000));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("asOf", asOf);
        kept.put("narrative", narrative);
        if (errors.isEmpty()) {
            try {
                progress.file(actor, id, date, indicators, narrative);
                redirect.addFlashAttribute("flashOk", "progress.saved");
                if (htmx == null) {
                    return "redirect:/models/" + id;
                }
                response.setHeader("HX-Redirect", "/models/" + id);
                return render(actor, id, model, Map.of(), Map.of());
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.put(fe.field().startsWith("indicators") ? "indicators" : fe.field(),
                        text(fe.messageKey(), fe.args())));
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute("flashError", String.join(" ", errors.values()));
            return "redirect:/models/" + id;
        }
        return render(actor, id, model, errors, kept);
    }

    private String render(Actor actor, Long id, Model model, Map<String, String> errors, Map<String, String> kept) {
        ModelView m = models.get(actor, id);
        model.addAttribute("m", m);
        model.addAttribute("reports", progress.of(actor, id));
        model.addAttribute("canReport", actor.hasRole(Role.REPORTER) && (m.status() == ModelStatus.ACCEPTED
                || m.status() == ModelStatus.PROPOSED || m.status() == ModelStatus.RECOGNIZED));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("errors", errors);
        model.addAttribute("values", kept);
        return SECTION;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
