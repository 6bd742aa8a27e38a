package vn.dvk.unit;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/** Administration of the units of the admin's subtree. */
@Controller
class UnitPageController {

    static final String VIEW = "unit/list";

    private final UnitDirectory directory;
    private final OfficialMap officialMap;

    private final Validator validator;

    UnitPageController(UnitDirectory directory, OfficialMap officialMap, Validator validator) {
        this.directory = directory;
        this.officialMap = officialMap;
        this.validator = validator;
    }

    /** Loads the official map (administrators of the root unit, once). */
    @PostMapping("/admin/units/map")
    String loadMap(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "false") boolean withHistory,
            RedirectAttributes redirect) {
        UnitPolicy.require(actor, UnitPolicy.Act.LOAD_MAP);
        OfficialMap.LoadResult r = officialMap.load(actor, OfficialMap.VN_2025, withHistory);
        redirect.addFlashAttribute("flashOk", "unit.map.done");
        redirect.addFlashAttribute("mapResult", r);
        return "redirect:/admin/units";
    }

    /**
     * The create-unit form: what the page binds, checked by the rules of {@link NewUnit} (the API's request record)
     * and, its own, that the page always names a parent.
     */
    public static class UnitForm {
        private String code;
        private String name;
        private Level level;
        private UnitKind kind;

        @NotBlank(message = "{validation.required}")
        private String parentCode;

        NewUnit toRequest() {
            return new NewUnit(code, name, level, kind, parentCode);
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Level getLevel() {
            return level;
        }

        public void setLevel(Level level) {
            this.level = level;
        }

        public UnitKind getKind() {
            return kind;
        }

        public void setKind(UnitKind kind) {
            this.kind = kind;
        }

        public String getParentCode() {
            return parentCode;
        }

        public void setParentCode(String parentCode) {
            this.parentCode = parentCode;
        }
    }

    @GetMapping("/admin/units")
    String list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        UnitPolicy.require(actor, UnitPolicy.Act.CREATE);
        UnitForm form = new UnitForm();
        form.setParentCode(actor.unitCode());
        return render(actor, q, page, form, model);
    }

    @PostMapping("/admin/units")
    String create(
            @AuthenticationPrincipal Actor actor,
            @Valid @ModelAttribute("form") UnitForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        UnitPolicy.require(actor, UnitPolicy.Act.CREATE);
        if (Forms.check(validator, form.toRequest(), binding)) {
            try {
                UnitRef created = directory.create(actor, form.toRequest());
                redirect.addFlashAttribute("flashOk", "unit.saved");
                return "redirect:/admin/units?q=" + URLEncoder.encode(created.code(), StandardCharsets.UTF_8);
            } catch (Problems.Invalid e) {
                Forms.reject(binding, e);
            }
        }
        return render(actor, null, 0, form, model);
    }

    private String render(Actor actor, String q, int page, UnitForm form, Model model) {
        UnitRef top = directory.byId(actor.unitId()).orElseThrow();
        model.addAttribute("page", directory.subtree(top, q, PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("q", q);
        model.addAttribute(
                "pageUrl",
                "/admin/units?"
                        + (q == null || q.isBlank() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&"));
        model.addAttribute("form", form);
        model.addAttribute("levels", Level.values());
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("baseDepth", top.depth());
        model.addAttribute("canLoadMap", UnitDirectory.ROOT_CODE.equals(actor.unitCode()) && !officialMap.loaded());
        return VIEW;
    }
}
