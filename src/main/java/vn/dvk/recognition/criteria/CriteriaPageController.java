package vn.dvk.recognition.criteria;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The criteria set pages: the list (with the example set, labelled as such), a set's page with the form to
 * copy it, and the admin's form to write or adapt a set. Errors come back beside their fields (status 400).
 */
@Controller
class CriteriaPageController {

    static final String LIST_VIEW = "recognition/criteria-list";
    static final String DETAIL_VIEW = "recognition/criteria-detail";
    static final String FORM_VIEW = "recognition/criteria-form";
    private static final int MIN_ROWS = 8;
    private static final Pattern ROW_FIELD = Pattern.compile("criteria\\[(\\d+)]\\.(\\w+)");

    private final CriteriaCatalogue catalogue;
    private final UnitDirectory units;
    private final MessageSource messages;

    CriteriaPageController(CriteriaCatalogue catalogue, UnitDirectory units, MessageSource messages) {
        this.catalogue = catalogue;
        this.units = units;
        this.messages = messages;
    }

    /** One row of the form, as typed. */
    record Row(String code, String description, String maxPoints, String weight) {}

    @GetMapping("/recognition/criteria")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("sets", catalogue.list(actor));
        model.addAttribute("isAdmin", CriteriaPolicy.mayAtAll(actor, CriteriaPolicy.Act.WRITE));
        return LIST_VIEW;
    }

    /** A set's page; {@code unitCode}, {@code level} and {@code effectiveFrom} prefill the copy form (rounds page). */
    @GetMapping("/recognition/criteria/{id}")
    String detail(@AuthenticationPrincipal Actor actor, @PathVariable Long id, CopyPrefill prefill, Model model) {
        Map<String, String> values = new HashMap<>();
        values.put("unitCode", prefill.unitCode());
        values.put("level", prefill.level());
        values.put("effectiveFrom", prefill.effectiveFrom());
        return renderDetail(actor, id, model, Map.of(), values);
    }

    /** The copy form as the rounds page links to it. */
    record CopyPrefill(String unitCode, String level, String effectiveFrom) {}

    @GetMapping("/recognition/criteria/new")
    String newForm(@AuthenticationPrincipal Actor actor, Model model) {
        CriteriaPolicy.requireRoles(actor, CriteriaPolicy.Act.WRITE);
        Map<String, String> values = new HashMap<>();
        values.put("unitCode", actor.unitCode());
        values.put("level", actor.unitLevel().name());
        values.put("commentBelowRatio", "0,5");
        return renderForm(actor, model, null, values, emptyRows(List.of()), Map.of());
    }

    @GetMapping("/recognition/criteria/{id}/edit")
    String editForm(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        CriteriaPolicy.requireRoles(actor, CriteriaPolicy.Act.WRITE);
        CriteriaCatalogue.CriteriaSetView s = catalogue.get(actor, id);
        Map<String, String> values = new HashMap<>();
        values.put("unitCode", s.unitCode());
        values.put("level", s.level().name());
        values.put("name", s.name());
        values.put("documentNumber", s.documentNumber());
        values.put("documentDate", String.valueOf(s.documentDate()));
        values.put("documentTitle", s.documentTitle());
        values.put("effectiveFrom", String.valueOf(s.effectiveFrom()));
        values.put("passThreshold", plain(s.passThreshold()));
        values.put("commentBelowRatio", plain(s.commentBelowRatio()));
        values.put("version", String.valueOf(s.version()));
        List<Row> rows = s.criteria().stream()
                .map(c -> new Row(
                        c.code(), c.description(), plain(c.maxPoints()), c.weight() == null ? "" : plain(c.weight())))
                .toList();
        return renderForm(actor, model, s, values, emptyRows(rows), Map.of());
    }

    @PostMapping("/recognition/criteria")
    String create(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return save(actor, null, form, response, model, redirect);
    }

    @PostMapping("/recognition/criteria/{id}")
    String update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return save(actor, id, form, response, model, redirect);
    }

    @PostMapping("/recognition/criteria/{id}/copy")
    String copy(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(form.get("effectiveFrom"), "effectiveFrom", errors);
        Level level = level(form.get("level"), errors);
        if (from == null && !errors.containsKey("effectiveFrom")) {
            errors.put("effectiveFrom", text("validation.required"));
        }
        if (errors.isEmpty()) {
            try {
                CriteriaCatalogue.CriteriaSetView v = catalogue.copy(
                        actor,
                        id,
                        new CriteriaCatalogue.CopyRequest(form.get("unitCode"), level, from, null, null, null, null));
                redirect.addFlashAttribute(
                        "flashOk",
                        CriteriaPolicy.mayAtAll(actor, CriteriaPolicy.Act.WRITE)
                                ? "criteria.copied"
                                : "criteria.copied.leader");
                return "redirect:/recognition/criteria/" + v.id()
                        + (CriteriaPolicy.mayAtAll(actor, CriteriaPolicy.Act.WRITE) ? "/edit" : "");
            } catch (Problems.Invalid e) {
                e.errors().forEach(fe -> errors.putIfAbsent(fe.field(), text(fe.messageKey(), fe.args())));
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        }
        response.setStatus(400);
        return renderDetail(actor, id, model, errors, form);
    }

    private String save(
            Actor actor,
            Long id,
            Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        CriteriaPolicy.requireRoles(actor, CriteriaPolicy.Act.WRITE);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        int count = Math.min(parseCount(form.get("rows")), 50);
        for (int i = 0; i < count; i++) {
            rows.add(new Row(
                    form.get("code" + i),
                    form.get("description" + i),
                    form.get("maxPoints" + i),
                    form.get("weight" + i)));
        }
        List<CriteriaCatalogue.CriterionDraft> drafts = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (blank(r.code()) && blank(r.description()) && blank(r.maxPoints()) && blank(r.weight())) {
                continue;
            }
            drafts.add(new CriteriaCatalogue.CriterionDraft(
                    r.code(),
                    r.description(),
                    number(r.maxPoints(), "maxPoints" + i, errors),
                    number(r.weight(), "weight" + i, errors)));
            rowOf.add(i);
        }
        Level level = level(form.get("level"), errors);
        LocalDate docDate = date(form.get("documentDate"), "documentDate", errors);
        LocalDate from = date(form.get("effectiveFrom"), "effectiveFrom", errors);
        BigDecimal threshold = number(form.get("passThreshold"), "passThreshold", errors);
        BigDecimal ratio = number(form.get("commentBelowRatio"), "commentBelowRatio", errors);
        CriteriaCatalogue.CriteriaSetView existing = id == null ? null : catalogue.get(actor, id);
        if (errors.isEmpty()) {
            CriteriaCatalogue.Draft d = new CriteriaCatalogue.Draft(
                    form.get("unitCode"),
                    level,
                    form.get("name"),
                    form.get("documentNumber"),
                    docDate,
                    form.get("documentTitle"),
                    from,
                    threshold,
                    ratio,
                    drafts);
            try {
                CriteriaCatalogue.CriteriaSetView v = id == null
                        ? catalogue.create(actor, d)
                        : catalogue.update(actor, id, d, parseVersion(form.get("version")));
                redirect.addFlashAttribute("flashOk", "criteria.saved");
                return "redirect:/recognition/criteria/" + v.id();
            } catch (Problems.Invalid e) {
                for (Problems.FieldError fe : e.errors()) {
                    String key = fe.field();
                    Matcher m = ROW_FIELD.matcher(key);
                    if (m.matches() && Integer.parseInt(m.group(1)) < rowOf.size()) {
                        key = m.group(2) + rowOf.get(Integer.parseInt(m.group(1)));
                    } else if (key.startsWith("criteria")) {
                        key = "criteria";
                    }
                    errors.putIfAbsent(key, text(fe.messageKey(), fe.args()));
                }
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        }
        response.setStatus(400);
        return renderForm(actor, model, existing, form, emptyRows(rows), errors);
    }

    private String renderDetail(
            Actor actor, Long id, Model model, Map<String, String> errors, Map<String, String> values) {
        CriteriaCatalogue.CriteriaSetView s = catalogue.get(actor, id);
        boolean writer = s.unitCode() != null
                && units.byCode(s.unitCode())
                        .map(u -> CriteriaPolicy.allows(actor, CriteriaPolicy.Act.WRITE, u.path()))
                        .orElse(false);
        model.addAttribute("set", s);
        model.addAttribute("canEdit", writer && !s.example() && !s.inUse());
        boolean copier = CriteriaPolicy.mayAtAll(actor, CriteriaPolicy.Act.COPY);
        model.addAttribute("canCopy", copier);
        model.addAttribute("unitOptions", copier ? unitOptions(actor) : List.of());
        model.addAttribute("levels", Level.values());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return DETAIL_VIEW;
    }

    private String renderForm(
            Actor actor,
            Model model,
            CriteriaCatalogue.CriteriaSetView existing,
            Map<String, String> values,
            List<Row> rows,
            Map<String, String> errors) {
        model.addAttribute("existing", existing);
        model.addAttribute("values", values);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("unitOptions", unitOptions(actor));
        model.addAttribute("levels", Level.values());
        return FORM_VIEW;
    }

    private List<UnitRef> unitOptions(Actor actor) {
        return units.byCode(actor.unitCode()).map(units::allIn).orElse(List.of());
    }

    private static List<Row> emptyRows(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        while (out.size() < Math.max(MIN_ROWS, rows.size() + 2) && out.size() < 50) {
            out.add(new Row("", "", "", ""));
        }
        return out;
    }

    private BigDecimal number(String raw, String field, Map<String, String> errors) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Fmt.parseNumber(raw);
        } catch (NumberFormatException e) {
            errors.put(field, text("validation.badValue"));
            return null;
        }
    }

    private LocalDate date(String raw, String field, Map<String, String> errors) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, text("validation.badDate"));
            return null;
        }
    }

    private Level level(String raw, Map<String, String> errors) {
        try {
            return blank(raw) ? null : Level.valueOf(raw);
        } catch (IllegalArgumentException e) {
            errors.put("level", text("validation.badValue"));
            return null;
        }
    }

    private static int parseCount(String raw) {
        try {
            return raw == null ? MIN_ROWS : Math.max(0, Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            return MIN_ROWS;
        }
    }

    private static Long parseVersion(String raw) {
        try {
            return raw == null ? null : Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
