package vn.dvk.notice;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.account.Accounts;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/** "Thông báo của tôi": the caller's notices (unread first, paged), marking them read, and the e-mail settings. */
@Controller
class NoticePageController {

    static final String VIEW = "notice/list";
    static final String SETTINGS_VIEW = "notice/settings";
    private static final int PAGE_SIZE = 30;

    private final Notices notices;
    private final Accounts accounts;

    NoticePageController(Notices notices, Accounts accounts) {
        this.notices = notices;
        this.accounts = accounts;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", notices.list(actor, PageRequest.of(Math.max(0, Math.min(page, 100000)), PAGE_SIZE)));
        model.addAttribute("pageUrl", "/notifications?");
        return VIEW;
    }

    /** Marks a notice read and opens what it is about (or the list when it links nowhere). */
    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        Notices.NoticeView n = notices.markRead(actor, id);
        return "redirect:" + (n.link() == null ? "/notifications" : n.link());
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal Actor actor, RedirectAttributes redirect) {
        notices.markAllRead(actor);
        redirect.addFlashAttribute("flashOk", "notice.allRead");
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/settings")
    String settings(@AuthenticationPrincipal Actor actor, Model model) {
        return renderSettings(actor, model, null);
    }

    @PostMapping("/notifications/settings")
    String saveSettings(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "vi") String language,
            @RequestParam(defaultValue = "false") boolean digest,
            @RequestParam(required = false) Set<NoticeKind> mailed,
            @RequestParam(required = false) String email,
            Model model,
            RedirectAttributes redirect) {
        Set<NoticeKind> muted = EnumSet.allOf(NoticeKind.class);
        if (mailed != null) {
            muted.removeAll(mailed);
        }
        try {
            accounts.changeEmail(actor, actor.userId(), email);
            notices.savePreferences(actor, new Notices.Preferences(language, digest, muted));
        } catch (Problems.Invalid e) {
            model.addAttribute("emailValue", email);
            return renderSettings(actor, model, e.errors().get(0));
        }
        redirect.addFlashAttribute("flashOk", "notice.settings.saved");
        return "redirect:/notifications/settings";
    }

    private String renderSettings(Actor actor, Model model, Problems.FieldError error) {
        model.addAttribute("prefs", notices.preferences(actor.userId()));
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("mailConfigured", notices.mailConfigured());
        if (!model.containsAttribute("emailValue")) {
            model.addAttribute(
                    "emailValue",
                    accounts.recipient(actor.userId())
                            .map(Accounts.Recipient::email)
                            .orElse(null));
        }
        model.addAttribute("error", error);
        return SETTINGS_VIEW;
    }
}
