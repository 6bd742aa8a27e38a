package vn.dvk.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.model.ModelFilter;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.progress.EvidenceStore;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/** The inspection pages: the list, the plan form, and an inspection with its findings, follow-ups and answers. */
@Controller
class InspectionPageController {

    static final String LIST = "inspection/list";
    static final String PLAN = "inspection/plan";
    static final String DETAIL = "inspection/detail";
    private static final int UNIT_PICKER_LIMIT = 500;

    private final InspectionRegistry registry;
    private final InspectionReport report;
    private final EvidenceStore store;
    private final ModelRegistry models;
    private final UnitDirectory units;
    private final MessageSource messages;
    private final Clock clock;

    InspectionPageController(
            InspectionRegistry registry,
            InspectionReport report,
            EvidenceStore store,
            ModelRegistry models,
            UnitDirectory units,
            MessageSource messages,
            Clock clock) {
        this.registry = registry;
        this.report = report;
        this.store = store;
        this.models = models;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/inspections")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", registry.list(actor, PageRequest.of(Math.max(page, 0), 20)));
        model.addAttribute("pageUrl", "/inspections?");
        model.addAttribute("canPlan", InspectionPolicy.mayAtAll(actor, InspectionPolicy.Act.PLAN));
        return LIST;
    }

    @GetMapping("/inspections/new")
    String planForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String unit, Model model) {
        InspectionPolicy.requireRoles(actor, InspectionPolicy.Act.PLAN);
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("unitCode", unit);
        kept.put("plannedOn", LocalDate.now(clock).toString());
        return renderPlan(actor, kept, List.of(), Map.of(), model);
    }

    @PostMapping("/inspections")
    String plan(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "modelId", required = false) List<String> modelIds,
            Model model,
            RedirectAttributes redirect) {
        InspectionPolicy.requireRoles(actor, InspectionPolicy.Act.PLAN);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(form.get("plannedOn"), "plannedOn", errors);
        List<Long> ids = new ArrayList<>();
        for (String s : modelIds == null ? List.<String>of() : modelIds) {
            try {
                ids.add(Long.valueOf(s));
            } catch (NumberFormatException e) {
                errors.put("modelIds", text("validation.badValue"));
            }
        }
        List<String> members = Arrays.stream(form.getOrDefault("members", "").split("\\R"))
                .filter(s -> !s.isBlank())
                .toList();
        if (errors.isEmpty()) {
            try {
                InspectionRegistry.InspectionView v = registry.plan(
                        actor,
                        new InspectionRegistry.NewInspection(
                                form.get("unitCode"), date, form.get("purpose"), members, ids));
                redirect.addFlashAttribute("flashOk", "inspection.planned");
                return "redirect:/inspections/" + v.id();
            } catch (Problems.Invalid e) {
                e.errors()
                        .forEach(fe -> errors.merge(
                                fe.field().replaceFirst("\\[\\d+]$", ""),
                                text(fe.messageKey(), fe.args()),
                                (a, b) -> a + " " + b));
            }
        }
        return renderPlan(actor, form, ids, errors, model);
    }

    @GetMapping("/inspections/{id}")
    String detail(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        return renderDetail(actor, id, null, Map.of(), Map.of(), model);
    }

    @PostMapping("/inspections/{id}/findings")
    String finding(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String modelId = form.get("modelId");
        try {
            List<EvidenceStore.Upload> uploads = new ArrayList<>();
            for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
                if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                    uploads.add(EvidenceStore.Upload.of(f));
                }
            }
            registry.recordFinding(
                    actor,
                    id,
                    new InspectionRegistry.NewFinding(
                            InspectionApiController.parseId(modelId, "modelId"), form.get("criterion"),
                            InspectionApiController.parseVerdict(form.get("verdict")), form.get("notes")),
                    uploads);
            redirect.addFlashAttribute("flashOk", "inspection.finding.saved");
            return "redirect:/inspections/" + id + "#model-" + modelId;
        } catch (Problems.Invalid e) {
            e.errors()
                    .forEach(fe -> errors.merge(
                            fe.field().replaceFirst("\\[\\d+]$", ""),
                            text(fe.messageKey(), fe.args()),
                            (a, b) -> a + " " + b));
        } catch (Problems.Conflict e) {
            errors.put("form", text(e.messageKey(), e.args()));
        }
        return renderDetail(actor, id, "finding-" + modelId, errors, form, model);
    }

    @PostMapping("/inspections/{id}/follow-ups")
    String followUp(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate due = date(form.get("dueOn"), "dueOn", errors);
        if (errors.isEmpty()) {
            try {
                registry.requestFollowUp(
                        actor,
                        id,
                        new InspectionRegistry.NewFollowUp(
                                InspectionApiController.parseId(form.get("modelId"), "modelId"),
                                form.get("request"),
                                due));
                redirect.addFlashAttribute("flashOk", "inspection.followUp.saved");
                return "redirect:/inspections/" + id + "#follow-ups";
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), text(fe.messageKey(), fe.args())));
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        }
        return renderDetail(actor, id, "follow-up", errors, form, model);
    }

    @PostMapping("/inspections/{id}/follow-ups/{followUpId}/answer")
    String answer(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long followUpId,
            @RequestParam(required = false) String answer,
            Model model,
            RedirectAttributes redirect) {
        InspectionRegistry.InspectionView v = registry.get(actor, id);
        if (v.followUps().stream().noneMatch(f -> f.id().equals(followUpId))) {
            throw new Problems.NotFound("inspection.notFound");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            registry.answer(actor, followUpId, answer);
            redirect.addFlashAttribute("flashOk", "inspection.answer.saved");
            return "redirect:/inspections/" + id + "#follow-ups";
        } catch (Problems.Invalid e) {
            e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), text(fe.messageKey(), fe.args())));
        } catch (Problems.Conflict e) {
            errors.put("form", text(e.messageKey(), e.args()));
        }
        return renderDetail(
                actor, id, "answer-" + followUpId, errors, Map.of("answer", answer == null ? "" : answer), model);
    }

    @PostMapping("/inspections/{id}/conclusion")
    String conclude(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String conclusion,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            registry.conclude(actor, id, conclusion);
            redirect.addFlashAttribute("flashOk", "inspection.concluded.saved");
            return "redirect:/inspections/" + id;
        } catch (Problems.Invalid e) {
            e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), text(fe.messageKey(), fe.args())));
        } catch (Problems.Conflict e) {
            errors.put("form", text(e.messageKey(), e.args()));
        }
        return renderDetail(
                actor, id, "conclusion", errors, Map.of("conclusion", conclusion == null ? "" : conclusion), model);
    }

    @GetMapping("/inspections/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return InspectionApiController.pdfResponse(report.pdf(actor, id), id);
    }

    @GetMapping("/inspections/{id}/photos/{photoId}")
    ResponseEntity<Resource> photo(
            @AuthenticationPrincipal Actor actor, @PathVariable Long id, @PathVariable Long photoId) {
        return store.serve(registry.photo(actor, id, photoId));
    }

    private String renderPlan(
            Actor actor, Map<String, String> kept, List<Long> chosen, Map<String, String> errors, Model model) {
        UnitRef top = units.byCode(actor.unitCode()).orElseThrow();
        List<UnitRef> picker = units.allIn(top);
        model.addAttribute("units", picker.size() > UNIT_PICKER_LIMIT ? picker.subList(0, UNIT_PICKER_LIMIT) : picker);
        List<ModelView> candidates = List.of();
        String unit = kept.get("unitCode");
        if (unit != null
                && !unit.isBlank()
                && units.byCode(unit).map(u -> actor.covers(u.path())).orElse(false)) {
            candidates = models
                    .search(actor, new ModelFilter(unit, null, null, null, null, null), PageRequest.of(0, 200))
                    .getContent()
                    .stream()
                    .filter(m -> m.status() != ModelStatus.DRAFT)
                    .toList();
        }
        model.addAttribute("candidates", candidates);
        model.addAttribute("chosen", chosen);
        model.addAttribute("kept", kept);
        model.addAttribute("errors", errors);
        return PLAN;
    }

    private String renderDetail(
            Actor actor, Long id, String openForm, Map<String, String> errors, Map<String, String> kept, Model model) {
        InspectionRegistry.InspectionView v = registry.get(actor, id);
        model.addAttribute("i", v);
        model.addAttribute("canInspect", registry.mayInspect(actor, v) && v.status() == InspectionStatus.PLANNED);
        model.addAttribute("canAnswer", InspectionPolicy.mayAtAll(actor, InspectionPolicy.Act.ANSWER));
        model.addAttribute("criteria", InspectionRegistry.EXAMPLE_CRITERIA);
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("openForm", openForm);
        model.addAttribute("errors", errors);
        model.addAttribute("kept", kept);
        model.addAttribute("today", LocalDate.now(clock));
        return DETAIL;
    }

    private LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, text("validation.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, text("validation.badDate"));
            return null;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
