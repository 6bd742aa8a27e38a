package vn.dvk.campaign;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * The campaign pages: the campaigns that apply to the user's unit, a campaign with the consolidation of its
 * registrations, and the form to launch or edit one.
 */
@Controller
class CampaignPageController {

    static final String LIST_VIEW = "campaign/list";
    static final String FORM_VIEW = "campaign/form";
    static final String DETAIL_VIEW = "campaign/detail";

    private final CampaignRegistry registry;
    private final CampaignConsolidation consolidation;
    private final ConsolidationWorkbook workbook;
    private final Clock clock;
    private final Validator validator;

    CampaignPageController(
            CampaignRegistry registry,
            CampaignConsolidation consolidation,
            ConsolidationWorkbook workbook,
            Clock clock,
            Validator validator) {
        this.registry = registry;
        this.consolidation = consolidation;
        this.workbook = workbook;
        this.clock = clock;
        this.validator = validator;
    }

    @GetMapping("/campaigns")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("campaigns", registry.applying(actor, null, year));
        model.addAttribute("year", year);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canLaunch", CampaignPolicy.mayAtAll(actor, CampaignPolicy.Act.ORGANISE));
        return LIST_VIEW;
    }

    /**
     * A campaign and its consolidation: a table of the units below (drill-down with {@code unit}, the filter
     * {@code onlyMissing}), paged; an htmx request gets the section alone. Parameters that do not hold (a page below
     * 0, a size out of bounds) fall back to the first page of the default size.
     */
    @GetMapping("/campaigns/{id}")
    String detail(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @ModelAttribute("query") ConsolidationQuery query,
            BindingResult binding,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        ConsolidationQuery q = binding.hasErrors() || !validator.validate(query).isEmpty()
                ? new ConsolidationQuery(
                        binding.hasFieldErrors("unit") ? null : query.unit(),
                        binding.hasFieldErrors("onlyMissing") ? null : query.onlyMissing(),
                        null,
                        null)
                : query;
        Consolidation c = consolidation.consolidate(actor, id, q);
        model.addAttribute("campaign", c.campaign());
        model.addAttribute("consolidation", c);
        model.addAttribute("unit", q.unitCode());
        model.addAttribute("onlyMissing", q.missingOnly());
        model.addAttribute(
                "page",
                new PageImpl<>(
                        c.content(),
                        PageRequest.of((int) c.page().number(), (int) c.page().size()),
                        c.page().totalElements()));
        String shown = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("unit", Optional.ofNullable(q.unitCode()))
                .queryParamIfPresent("onlyMissing", Optional.ofNullable(q.missingOnly() ? true : null))
                .build()
                .encode()
                .toUriString();
        model.addAttribute("pageUrl", "/campaigns/" + id + (shown.isEmpty() ? "?" : shown + "&"));
        model.addAttribute("xlsxUrl", "/campaigns/" + id + "/consolidation.xlsx" + shown);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canLaunch", CampaignPolicy.mayAtAll(actor, CampaignPolicy.Act.ORGANISE));
        return htmx != null ? DETAIL_VIEW + " :: consolidation" : DETAIL_VIEW;
    }

    /** The consolidation as shown (unit and filter), every row, as a workbook. */
    @GetMapping("/campaigns/{id}/consolidation.xlsx")
    void consolidationWorkbook(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Boolean onlyMissing,
            HttpServletResponse response)
            throws IOException {
        ConsolidationQuery q = new ConsolidationQuery(unit, onlyMissing, null, null);
        workbook.download(consolidation.all(actor, id, q), q.missingOnly(), response);
    }

    @GetMapping("/campaigns/new")
    String newForm(@AuthenticationPrincipal Actor actor, Model model) {
        CampaignPolicy.requireRoles(actor, CampaignPolicy.Act.ORGANISE);
        CampaignForm form = new CampaignForm();
        form.setUnitCode(actor.unitCode());
        form.setYear(LocalDate.now(clock).getYear());
        return form(model, form, null);
    }

    @PostMapping("/campaigns")
    String launch(
            @AuthenticationPrincipal Actor actor,
            @ModelAttribute("form") CampaignForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        CampaignPolicy.requireRoles(actor, CampaignPolicy.Act.ORGANISE);
        return saved(form, binding, redirect, () -> registry.launch(actor, form.toRequest()))
                ? "redirect:/campaigns"
                : form(model, form, null);
    }

    @GetMapping("/campaigns/{id}/edit")
    String editForm(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        CampaignPolicy.requireRoles(actor, CampaignPolicy.Act.ORGANISE);
        CampaignView c = registry.get(actor, id);
        return form(model, CampaignForm.of(c), id);
    }

    @PostMapping("/campaigns/{id}")
    String edit(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @ModelAttribute("form") CampaignForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        CampaignPolicy.requireRoles(actor, CampaignPolicy.Act.ORGANISE);
        return saved(form, binding, redirect, () -> registry.edit(actor, id, form.toRequest()))
                ? "redirect:/campaigns"
                : form(model, form, id);
    }

    /** Checks the form and runs the save; false with the reasons beside the fields (or above the form) when refused. */
    private boolean saved(CampaignForm form, BindingResult binding, RedirectAttributes redirect, Runnable save) {
        if (!valid(form, binding)) {
            return false;
        }
        try {
            save.run();
            redirect.addFlashAttribute("flashOk", "campaign.saved");
            return true;
        } catch (Problems.Invalid e) {
            Forms.reject(binding, e);
        } catch (Problems.Conflict e) {
            if (e.field() != null) {
                binding.rejectValue(e.field(), e.messageKey(), e.args(), e.messageKey());
            } else {
                binding.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        return false;
    }

    /** Binding errors, then the rules of {@link CampaignRequest}, each beside its field; true when none. */
    private boolean valid(CampaignForm form, BindingResult binding) {
        return Forms.check(validator, form.toRequest(), binding);
    }

    private String form(Model model, CampaignForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("campaignId", id);
        model.addAttribute("levels", Level.values());
        return FORM_VIEW;
    }
}
