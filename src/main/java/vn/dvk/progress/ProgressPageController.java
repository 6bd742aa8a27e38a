package vn.dvk.progress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;

/**
 * The progress section of a model's page (loaded by htmx): deadline, formalism signals, charts, reports with
 * their evidence, and the report form with file uploads; also the evidence files and the chart data.
 */
@Controller
class ProgressPageController {

    static final String SECTION = "progress/reports :: section";
    private static final int EXTRA_ROWS = 2;

    private final Progress progress;
    private final ModelTargets targets;
    private final IndicatorCatalogue catalogue;
    private final ReportingDeadlines deadlines;
    private final FormalismSignals signals;
    private final EvidenceStore store;
    private final ModelRegistry models;
    private final MessageSource messages;
    private final Clock clock;

    ProgressPageController(
            Progress progress,
            ModelTargets targets,
            IndicatorCatalogue catalogue,
            ReportingDeadlines deadlines,
            FormalismSignals signals,
            EvidenceStore store,
            ModelRegistry models,
            MessageSource messages,
            Clock clock) {
        this.progress = progress;
        this.targets = targets;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.signals = signals;
        this.store = store;
        this.models = models;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/models/{id}/progress")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        return render(actor, id, model, Map.of(), new Kept(null, null, null, List.of(), List.of()));
    }

    /** What the person typed, shown again when something was refused. */
    public record Kept(String asOf, String period, String narrative, List<String> codes, List<String> values) {

        public String value(int i) {
            return i < values.size() ? values.get(i) : null;
        }

        public String code(int i) {
            return i < codes.size() ? codes.get(i) : null;
        }
    }

    @PostMapping("/models/{id}/progress")
    String file(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String period,
            @RequestParam(name = "code", required = false) List<String> codes,
            @RequestParam(name = "value", required = false) List<String> values,
            @RequestParam(required = false) String narrative,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "publicPhotos", defaultValue = "false") boolean publicPhotos,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> codeList = codes == null ? List.of() : codes;
        List<String> valueList = values == null ? List.of() : values;
        Kept kept = new Kept(asOf, period, narrative, codeList, valueList);
        LocalDate date = null;
        try {
            date = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.trim());
        } catch (DateTimeParseException e) {
            errors.put("asOf", text("validation.badDate"));
        }
        List<Progress.IndicatorValue> indicators = new ArrayList<>();
        for (int i = 0; i < codeList.size(); i++) {
            String c = codeList.get(i);
            String v = i < valueList.size() ? valueList.get(i) : null;
            if (v == null || v.isBlank()) {
                continue;
            }
            if (c == null || c.isBlank()) {
                errors.put("indicators", text("progress.code.missing"));
                continue;
            }
            try {
                indicators.add(new Progress.IndicatorValue(c.trim(), Fmt.parseNumber(v)));
            } catch (NumberFormatException e) {
                errors.put("indicators", text("progress.value.range"));
            }
        }
        List<EvidenceStore.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                    uploads.add(EvidenceStore.Upload.of(f));
                }
            }
        }
        if (errors.isEmpty()) {
            try {
                progress.file(
                        actor,
                        id,
                        new Progress.ReportInput(date, period, indicators, narrative),
                        uploads,
                        publicPhotos);
                if (htmx == null) {
                    redirect.addFlashAttribute("flashOk", "progress.saved");
                    return "redirect:/models/" + id;
                }
                // htmx follows HX-Redirect itself: keep the flash message for that next page by hand
                RequestContextUtils.getOutputFlashMap(request).put("flashOk", "progress.saved");
                RequestContextUtils.saveOutputFlashMap("/models/" + id, request, response);
                response.setHeader("HX-Redirect", "/models/" + id);
                return section(actor, id, model);
            } catch (Problems.Invalid e) {
                e.errors()
                        .forEach(fe ->
                                errors.merge(key(fe.field()), text(fe.messageKey(), fe.args()), (a, b) -> a + " " + b));
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        } else {
            // the typed values were refused before the service saw them: say what is wrong with the files too
            try {
                store.check("files", uploads);
            } catch (Problems.Invalid e) {
                e.errors()
                        .forEach(fe ->
                                errors.merge(key(fe.field()), text(fe.messageKey(), fe.args()), (a, b) -> a + " " + b));
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute("flashError", String.join(" ", errors.values()));
            return "redirect:/models/" + id;
        }
        return render(actor, id, model, errors, kept);
    }

    /** The bytes of an evidence file, for people who may see the model. */
    @GetMapping("/models/{id}/evidence/{evidenceId}")
    ResponseEntity<Resource> evidence(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @PathVariable Long evidenceId) {
        return store.serve(progress.evidence(actor, id, evidenceId));
    }

    /** Shows a photo of the evidence on the model's public page, or hides it again (the unit's reporters). */
    @PostMapping("/models/{id}/evidence/{evidenceId}/public")
    String showInPublic(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long evidenceId,
            @RequestParam(defaultValue = "false") boolean shown) {
        progress.showInPublic(actor, id, evidenceId, shown);
        return "redirect:/models/" + id + "#progress-h";
    }

    /** The chart data read by static/js/progress-chart.js. */
    @GetMapping("/models/{id}/progress/chart")
    @ResponseBody
    List<Progress.Series> chart(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return progress.chart(actor, id);
    }

    private static String key(String field) {
        if (field.startsWith("indicators")) {
            return "indicators";
        }
        if (field.startsWith("files")) {
            return "files";
        }
        return field;
    }

    private String render(Actor actor, Long id, Model model, Map<String, String> errors, Kept kept) {
        ModelView m = models.get(actor, id);
        LocalDate today = LocalDate.now(clock);
        List<ModelTargets.TargetView> chosen = targets.of(actor, id);
        List<Progress.ReportView> reports = new ArrayList<>(progress.of(actor, id));
        Collections.reverse(reports);
        Map<String, String> names = new LinkedHashMap<>();
        catalogue.all().forEach(i -> names.put(i.code(), i.name() + " (" + i.measure() + ")"));
        ReportPeriod last = ReportPeriod.lastEndedHalfBefore(today);
        List<ReportPeriod> periods = List.of(
                last.nextHalf(),
                last,
                new ReportPeriod(last.year(), ReportPeriod.Part.Y),
                last.part() == ReportPeriod.Part.H1
                        ? new ReportPeriod(last.year() - 1, ReportPeriod.Part.H2)
                        : new ReportPeriod(last.year(), ReportPeriod.Part.H1),
                new ReportPeriod(last.year() - 1, ReportPeriod.Part.Y));
        model.addAttribute("m", m);
        model.addAttribute("reports", reports);
        model.addAttribute("chosen", chosen);
        model.addAttribute("names", names);
        model.addAttribute(
                "catalogue",
                catalogue.all().stream()
                        .filter(IndicatorCatalogue.IndicatorView::active)
                        .toList());
        model.addAttribute("extraRows", EXTRA_ROWS);
        model.addAttribute("canReport", ProgressPolicy.offers(actor, ProgressPolicy.Act.REPORT, m.status()));
        model.addAttribute("deadline", deadlines.status(actor, id, today));
        model.addAttribute("signals", signals.of(actor, id, today));
        model.addAttribute("periods", periods);
        model.addAttribute("defaultPeriod", last.code());
        model.addAttribute("defaultAsOf", last.end());
        model.addAttribute("maxSize", EvidenceStore.human(store.maxSize().toBytes()));
        model.addAttribute("errors", errors);
        model.addAttribute("kept", kept);
        return SECTION;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
