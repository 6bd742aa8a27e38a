package vn.dvk.progress;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
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
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;

/**
 * The indicators section of a model's page (loaded by htmx), the catalogue page of administrators, and the
 * list of models flagged for the annual review.
 */
@Controller
class IndicatorPageController {

    static final String SECTION = "progress/indicators :: section";
    static final String CATALOGUE = "progress/catalogue";
    static final String SIGNALS = "progress/signals";

    private final IndicatorCatalogue catalogue;
    private final ModelTargets targets;
    private final Progress progress;
    private final FormalismSignals signals;
    private final ModelRegistry models;
    private final MessageSource messages;

    IndicatorPageController(
            IndicatorCatalogue catalogue,
            ModelTargets targets,
            Progress progress,
            FormalismSignals signals,
            ModelRegistry models,
            MessageSource messages) {
        this.catalogue = catalogue;
        this.targets = targets;
        this.progress = progress;
        this.signals = signals;
        this.models = models;
        this.messages = messages;
    }

    @GetMapping("/models/{id}/indicators")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        return render(actor, id, model, Map.of(), Map.of());
    }

    @PostMapping("/models/{id}/indicators")
    String set(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String baseline,
            @RequestParam(required = false) String target,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> kept = new HashMap<>();
        kept.put("code", code);
        kept.put("baseline", baseline);
        kept.put("target", target);
        BigDecimal base = number(baseline, "baseline", false, errors);
        BigDecimal goal = number(target, "target", true, errors);
        if (code == null || code.isBlank()) {
            errors.put("code", text("validation.required"));
        }
        if (errors.isEmpty()) {
            try {
                targets.set(actor, id, new ModelTargets.Choice(code, base, goal));
                response.setHeader("HX-Trigger", "indicators-changed");
                if (htmx == null) {
                    redirect.addFlashAttribute("flashOk", "indicators.saved");
                    return "redirect:/models/" + id;
                }
                return render(actor, id, model, Map.of(), Map.of());
            } catch (Problems.Invalid e) {
                e.errors()
                        .forEach(fe -> errors.putIfAbsent(
                                fe.field().replaceFirst("^indicators\\[\\d+]\\.", ""),
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

    @PostMapping("/models/{id}/indicators/remove")
    String remove(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String code,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model,
            HttpServletResponse response) {
        targets.remove(actor, id, code);
        response.setHeader("HX-Trigger", "indicators-changed");
        if (htmx == null) {
            return "redirect:/models/" + id;
        }
        return render(actor, id, model, Map.of(), Map.of());
    }

    @GetMapping("/admin/indicators")
    String catalogue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String edit, Model model) {
        ProgressPolicy.requireRoles(actor, ProgressPolicy.Act.MANAGE_CATALOGUE);
        Map<String, String> form = new HashMap<>();
        if (edit != null) {
            IndicatorCatalogue.IndicatorView v = catalogue.get(edit);
            form.put("code", v.code());
            form.put("name", v.name());
            form.put("measure", v.measure());
            form.put("kind", v.kind().name());
            form.put("description", v.description());
            form.put("active", String.valueOf(v.active()));
            form.put("version", String.valueOf(v.version()));
        }
        return renderCatalogue(actor, edit, form, Map.of(), model);
    }

    @PostMapping("/admin/indicators")
    String save(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        ProgressPolicy.requireRoles(actor, ProgressPolicy.Act.MANAGE_CATALOGUE);
        String editing = form.get("editing");
        boolean isEdit = editing != null && !editing.isBlank();
        Map<String, String> errors = new LinkedHashMap<>();
        IndicatorKind kind = null;
        try {
            kind = form.get("kind") == null || form.get("kind").isBlank()
                    ? null
                    : IndicatorKind.valueOf(form.get("kind"));
        } catch (IllegalArgumentException e) {
            errors.put("kind", text("validation.badValue"));
        }
        if (errors.isEmpty()) {
            IndicatorCatalogue.IndicatorData data = new IndicatorCatalogue.IndicatorData(
                    form.get("code"),
                    form.get("name"),
                    form.get("measure"),
                    kind,
                    form.get("description"),
                    !isEdit || "true".equals(form.get("active")));
            try {
                if (isEdit) {
                    Long version = form.get("version") == null ? null : Long.valueOf(form.get("version"));
                    catalogue.update(actor, editing, data, version);
                } else {
                    catalogue.create(actor, data);
                }
                redirect.addFlashAttribute("flashOk", "indicator.saved");
                return "redirect:/admin/indicators";
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), text(fe.messageKey(), fe.args())));
            } catch (Problems.Conflict | NumberFormatException e) {
                errors.put(
                        "form",
                        e instanceof Problems.Conflict c
                                ? text(c.messageKey(), c.args())
                                : text("validation.badValue"));
            }
        }
        return renderCatalogue(actor, isEdit ? editing : null, form, errors, model);
    }

    @GetMapping("/progress/signals")
    String signals(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String unit, Model model) {
        model.addAttribute("signals", signals.list(actor, unit));
        model.addAttribute("unit", unit);
        return SIGNALS;
    }

    private String renderCatalogue(
            Actor actor, String editing, Map<String, String> form, Map<String, String> errors, Model model) {
        List<IndicatorCatalogue.IndicatorView> all = catalogue.all();
        Map<String, Boolean> mayChange = new HashMap<>();
        all.forEach(v -> mayChange.put(v.code(), catalogue.mayChange(actor, v)));
        model.addAttribute("indicators", all);
        model.addAttribute("mayChange", mayChange);
        model.addAttribute("kinds", IndicatorKind.values());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return CATALOGUE;
    }

    private String render(Actor actor, Long id, Model model, Map<String, String> errors, Map<String, String> kept) {
        ModelView m = models.get(actor, id);
        List<ModelTargets.TargetView> chosen = targets.of(actor, id);
        Map<String, BigDecimal> latest = new HashMap<>();
        progress.of(actor, id).forEach(r -> r.indicators().forEach(v -> latest.put(v.code(), v.value())));
        Map<String, Long> share = new HashMap<>();
        for (ModelTargets.TargetView t : chosen) {
            BigDecimal now = latest.get(t.code());
            BigDecimal base = t.baseline() == null ? BigDecimal.ZERO : t.baseline();
            BigDecimal span = t.target().subtract(base);
            if (now != null && span.signum() != 0) {
                long pct = now.subtract(base)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(span, 0, RoundingMode.HALF_UP)
                        .longValue();
                share.put(t.code(), Math.max(0, Math.min(pct, 999)));
            }
        }
        // indicators reported without a chosen target still show, so the charts below never contradict this section
        List<IndicatorCatalogue.IndicatorView> all = catalogue.all();
        List<IndicatorCatalogue.IndicatorView> untargeted = all.stream()
                .filter(c -> latest.containsKey(c.code())
                        && chosen.stream().noneMatch(t -> t.code().equals(c.code())))
                .toList();
        model.addAttribute("m", m);
        model.addAttribute("chosen", chosen);
        model.addAttribute("untargeted", untargeted);
        model.addAttribute("latest", latest);
        model.addAttribute("share", share);
        model.addAttribute("canChoose", targets.mayChoose(actor, m));
        // a reporter who finds no form is told why, and when it comes back
        model.addAttribute(
                "awaitingAppraisal",
                ProgressPolicy.mayAtAll(actor, ProgressPolicy.Act.CHOOSE_INDICATORS)
                        && m.status() == ModelStatus.SUBMITTED);
        model.addAttribute(
                "catalogue",
                all.stream().filter(IndicatorCatalogue.IndicatorView::active).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("kept", kept);
        return SECTION;
    }

    private BigDecimal number(String text, String field, boolean required, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.put(field, text("validation.required"));
            }
            return null;
        }
        try {
            return Fmt.parseNumber(text);
        } catch (NumberFormatException e) {
            errors.put(field, text("progress.value.range"));
            return null;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
