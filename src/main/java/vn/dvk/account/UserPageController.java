package vn.dvk.account;

import jakarta.validation.Validator;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Problems;
import vn.dvk.shared.Role;

/** Administration of the users of the admin's subtree. */
@Controller
class UserPageController {

    static final String VIEW = "account/users";

    private final Accounts accounts;
    private final Validator validator;

    UserPageController(Accounts accounts, Validator validator) {
        this.accounts = accounts;
        this.validator = validator;
    }

    /** The create-user form: what the page binds, checked by the rules of {@link NewUser}, the API's record. */
    public static class UserForm {
        private String username;
        private String password;
        private String fullName;
        private String unitCode;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private String email;

        NewUser toRequest() {
            return new NewUser(username, password, fullName, unitCode, roles, email);
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        UserPolicy.requireManager(actor);
        UserForm form = new UserForm();
        form.setUnitCode(actor.unitCode());
        return render(actor, page, form, model);
    }

    @PostMapping("/admin/users")
    String create(
            @AuthenticationPrincipal Actor actor,
            @ModelAttribute("form") UserForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        UserPolicy.requireManager(actor);
        if (Forms.check(validator, form.toRequest(), binding)) {
            try {
                accounts.create(actor, form.toRequest());
                redirect.addFlashAttribute("flashOk", "user.saved");
                return "redirect:/admin/users";
            } catch (Problems.Invalid e) {
                Forms.reject(binding, e);
            }
        }
        form.setPassword(null);
        return render(actor, 0, form, model);
    }

    /** Changes a user's e-mail address (blank removes it); a wrong address comes back as an error message. */
    @PostMapping("/admin/users/{id}/email")
    String email(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        UserPolicy.requireManager(actor);
        try {
            accounts.changeEmail(actor, id, email);
            redirect.addFlashAttribute("flashOk", "user.email.saved");
        } catch (Problems.Invalid e) {
            redirect.addFlashAttribute("emailError", id);
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@AuthenticationPrincipal Actor actor, @PathVariable Long id, RedirectAttributes redirect) {
        UserPolicy.requireManager(actor);
        accounts.disable(actor, id);
        redirect.addFlashAttribute("flashOk", "user.disabled");
        return "redirect:/admin/users";
    }

    private String render(Actor actor, int page, UserForm form, Model model) {
        model.addAttribute("page", accounts.list(actor, PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("pageUrl", "/admin/users?");
        model.addAttribute("form", form);
        model.addAttribute("allRoles", Role.values());
        return VIEW;
    }
}
