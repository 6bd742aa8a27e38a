package vn.dvk.model;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/** The model pages: the list with filters and search, the registration form, the model page and its forms. */
@Controller
class ModelPageController {

    static final String LIST_VIEW = "model/list";
    static final String FORM_VIEW = "model/form";
    static final String DETAIL_VIEW = "model/detail";
    private static final int PAGE_SIZE = 20;

    /** The dossier's sections as the form groups them, by the message key of each group's title. */
    static final Map<String, List<DossierSection>> DOSSIER_GROUPS = groups();

    private static Map<String, List<DossierSection>> groups() {
        Map<String, List<DossierSection>> g = new LinkedHashMap<>();
        g.put("model.dossier.group.why", List.of(DossierSection.SITUATION, DossierSection.GOALS));
        g.put(
                "model.dossier.group.how",
                List.of(DossierSection.APPROACH, DossierSection.AREA, DossierSection.FORCES, DossierSection.RESOURCES));
        g.put("model.dossier.group.result", List.of(DossierSection.OUTPUTS, DossierSection.SUSTAINABILITY));
        return Collections.unmodifiableMap(g);
    }

    private final ModelRegistry registry;
    private final UnitDirectory units;
    private final MessageSource messages;
    private final Clock clock;
    private final RegistrationDocument registrationDocument;
    private final Fmt fmt = new Fmt();
    private final Validator validator;

    ModelPageController(
            ModelRegistry registry,
            UnitDirectory units,
            MessageSource messages,
            Clock clock,
            RegistrationDocument registrationDocument,
            Validator validator) {
        this.validator = validator;
        this.registry = registry;
        this.registrationDocument = registrationDocument;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    @InitBinder
    void noIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("fields")
    Field[] fields() {
        return Field.values();
    }

    @ModelAttribute("levels")
    Level[] levels() {
        return Level.values();
    }

    @ModelAttribute("statuses")
    ModelStatus[] statuses() {
        return ModelStatus.values();
    }

    @GetMapping("/models")
    String list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Field field,
            @RequestParam(required = false) ModelStatus status,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        ModelFilter filter = new ModelFilter(blank(unit), field, status, level, year, q == null ? null : q.strip());
        Page<ModelView> result;
        try {
            result = registry.search(actor, filter, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        } catch (Problems.Invalid e) {
            result = Page.empty(PageRequest.of(0, PAGE_SIZE));
            model.addAttribute("filterError", "unit.notFound");
        }
        model.addAttribute("filter", filter);
        model.addAttribute("page", result);
        model.addAttribute("pageCapped", result instanceof ModelRegistry.CappedPage<?> c && c.capped());
        model.addAttribute(
                "pageUrl",
                UriComponentsBuilder.fromPath("/models")
                                .queryParamIfPresent("unit", Optional.ofNullable(filter.unit()))
                                .queryParamIfPresent("field", Optional.ofNullable(field))
                                .queryParamIfPresent("status", Optional.ofNullable(status))
                                .queryParamIfPresent("level", Optional.ofNullable(level))
                                .queryParamIfPresent("year", Optional.ofNullable(year))
                                .queryParamIfPresent("q", Optional.ofNullable(blank(q)))
                                .build()
                                .encode()
                                .toUriString()
                        + (filter.equals(ModelFilter.none()) ? "?" : "&"));
        return htmx != null ? LIST_VIEW + " :: results" : LIST_VIEW;
    }

    @GetMapping("/models/new")
    String newForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Long from, Model model) {
        requireReporter(actor);
        ModelForm form = new ModelForm();
        form.setYear(LocalDate.now(clock).getYear());
        form.setUnitCode(actor.unitCode());
        form.setLevel(actor.unitLevel());
        if (from != null) {
            // a replica of a visible origin: prefilled from it and linked (404 for an origin the actor cannot see)
            ModelView origin = lineage.originForReplica(actor, from);
            form.setTitle(origin.title());
            form.setField(origin.field());
            form.setHolderType(origin.holderType());
            form.setHolderName(origin.holderName());
            form.setSummary(origin.summary());
            form.setOrigin(Origin.REPLICATED);
            form.setReplicatedFromId(origin.id());
        }
        return form(actor, model, form, null);
    }

    @PostMapping("/models")
    String create(
            @AuthenticationPrincipal Actor actor,
            @ModelAttribute("form") ModelForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        requireReporter(actor);
        if (!Forms.check(validator, form.toRegistration(), binding)) {
            return form(actor, model, form, null);
        }
        try {
            ModelView created = registry.register(actor, form.toRegistration());
            redirect.addFlashAttribute("flashOk", "model.saved");
            return "redirect:/models/" + created.id();
        } catch (Problems.Invalid e) {
            Forms.reject(binding, e);
            return form(actor, model, form, null);
        }
    }

    @GetMapping("/models/{id}")
    String detail(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        ModelRegistry.Detail detail = registry.detail(actor, id);
        ModelView m = detail.model();
        model.addAttribute("m", m);
        model.addAttribute("timeline", detail.timeline());
        model.addAttribute("reviews", detail.reviews());
        model.addAttribute("changeRequest", detail.changeRequest());
        model.addAttribute(
                "origin",
                m.replicatedFromId() == null
                        ? null
                        : registry.viewsOf(List.of(m.replicatedFromId())).get(m.replicatedFromId()));
        model.addAttribute("can", abilities(actor, m));
        model.addAttribute("decisions", AppraisalDecision.values());
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        model.addAttribute("sections", DossierSection.values());
        model.addAttribute(
                "dossierMissing",
                m.dossier().missing().stream()
                        .map(s -> text("enum.DossierSection." + s.name()).toLowerCase(LocaleContextHolder.getLocale()))
                        .collect(Collectors.joining("; ")));
        return DETAIL_VIEW;
    }

    @GetMapping("/models/{id}/registration.pdf")
    ResponseEntity<byte[]> registrationPdf(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return registrationDocument.pdf(actor, id);
    }

    @GetMapping("/models/{id}/edit")
    String editForm(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        requireReporter(actor);
        ModelView m = registry.get(actor, id);
        return form(actor, model, ModelForm.of(m), m);
    }

    @PostMapping("/models/{id}")
    String edit(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @ModelAttribute("form") ModelForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        requireReporter(actor);
        ModelView current = registry.get(actor, id);
        if (!Forms.check(validator, form.toRegistration(), binding)) {
            return form(actor, model, form, current);
        }
        try {
            registry.edit(actor, id, form.toRegistration(), form.getVersion());
            redirect.addFlashAttribute("flashOk", "model.saved");
            return "redirect:/models/" + id;
        } catch (Problems.Invalid e) {
            Forms.reject(binding, e);
            return form(actor, model, form, current);
        } catch (Problems.Conflict e) {
            binding.reject(e.messageKey(), e.args(), e.messageKey());
            return form(actor, model, form, current);
        }
    }

    @PostMapping("/models/{id}/submit")
    String submit(@AuthenticationPrincipal Actor actor, @PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, "model.submitted", () -> registry.submit(actor, id));
    }

    @PostMapping("/models/{id}/appraisal")
    String appraise(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) AppraisalDecision decision,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Map<String, String> errors = Forms.violations(validator, new AppraisalRequest(decision, comment));
        if (!errors.isEmpty()) {
            return invalid(id, redirect, "appraisal", errors, comment);
        }
        return act(
                id,
                redirect,
                "model.appraised",
                () -> registry.appraise(actor, id, decision, comment),
                "appraisal",
                comment);
    }

    @PostMapping("/models/{id}/reviews")
    String review(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ReviewOutcome outcome,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        Map<String, String> errors = Forms.violations(validator, new ReviewRequest(year, outcome, comment));
        if (!errors.isEmpty()) {
            return invalid(id, redirect, "review", errors, comment);
        }
        return act(
                id,
                redirect,
                "model.reviewed",
                () -> registry.review(actor, id, year, outcome, comment),
                "review",
                comment);
    }

    private String act(Long id, RedirectAttributes redirect, String okKey, Runnable action) {
        return act(id, redirect, okKey, action, null, null);
    }

    private String act(
            Long id, RedirectAttributes redirect, String okKey, Runnable action, String formName, String comment) {
        try {
            action.run();
            redirect.addFlashAttribute("flashOk", okKey);
        } catch (Problems.Invalid e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(fe -> errors.put(fe.field(), text(fe.messageKey(), fe.args())));
            return invalid(id, redirect, formName, errors, comment);
        } catch (Problems.Conflict e) {
            redirect.addFlashAttribute("flashError", text(e.messageKey(), e.args()));
        } catch (ConcurrencyFailureException e) {
            redirect.addFlashAttribute("flashError", text("problem.concurrentChange"));
        }
        return "redirect:/models/" + id;
    }

    private String invalid(
            Long id, RedirectAttributes redirect, String formName, Map<String, String> errors, String comment) {
        redirect.addFlashAttribute("openForm", formName);
        redirect.addFlashAttribute("formErrors", errors);
        redirect.addFlashAttribute("formComment", comment);
        return "redirect:/models/" + id + (formName == null ? "" : "#" + formName);
    }

    private String form(Actor actor, Model model, ModelForm form, ModelView existing) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute(
                "changeRequest",
                existing == null
                        ? null
                        : registry.changeRequests(List.of(existing)).get(existing.id()));
        model.addAttribute("holderTypes", HolderType.values());
        model.addAttribute("origins", Origin.values());
        model.addAttribute("unitOptions", unitOptions(actor));
        model.addAttribute("latestYear", registry.latestYear());
        model.addAttribute("originTitle", originTitle(actor, form.getReplicatedFromId()));
        model.addAttribute("dossierGroups", DOSSIER_GROUPS);
        model.addAttribute("dossierMax", Dossier.MAX_LENGTH);
        // "{0} / 4.000 ký tự": the counter's text, {0} filled by the page (and by app.js as the user types)
        model.addAttribute("dossierCounter", text("model.dossier.counter", "{0}", fmt.number(Dossier.MAX_LENGTH)));
        return FORM_VIEW;
    }

    /** The title the origin picker shows for the origin already chosen; null for none or one the actor cannot see. */
    private String originTitle(Actor actor, Long originId) {
        if (originId == null) {
            return null;
        }
        try {
            return lineage.originForReplica(actor, originId).title();
        } catch (Problems.NotFound e) {
            return null;
        }
    }

    private List<UnitRef> unitOptions(Actor actor) {
        return units.byId(actor.unitId()).map(units::allIn).orElse(List.of()).stream()
                .limit(2000)
                .toList();
    }

    /** What the actor may do on this model now, for showing only the forms that can succeed. */
    /** The acts the page offers on the model: those {@link ModelPolicy} allows and the model's status admits. */
    static Map<String, Boolean> abilities(Actor actor, ModelView m) {
        return Map.of(
                "edit", ModelPolicy.offers(actor, ModelPolicy.Act.EDIT, m),
                "submit", ModelPolicy.offers(actor, ModelPolicy.Act.SUBMIT, m),
                "appraise", ModelPolicy.offers(actor, ModelPolicy.Act.APPRAISE, m),
                "review", ModelPolicy.offers(actor, ModelPolicy.Act.REVIEW, m));
    }

    private static void requireReporter(Actor actor) {
        ModelPolicy.require(actor, ModelPolicy.Act.EDIT, null);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private ModelLineage lineage;

    /** Set by Spring: the origin of a replica prefilled by {@code /models/new?from=}. */
    @Autowired
    void setLineage(ModelLineage lineage) {
        this.lineage = lineage;
    }
}
