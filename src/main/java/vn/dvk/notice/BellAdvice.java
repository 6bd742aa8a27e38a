package vn.dvk.notice;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;
import vn.dvk.shared.Actor;

/**
 * The bell of the navigation: {@code unreadNotices} on every page, counted only when the template shows it (a lazy
 * variable: htmx fragments and redirects cost nothing), with one indexed count.
 */
@ControllerAdvice(annotations = Controller.class)
class BellAdvice {

    private final Notices notices;

    BellAdvice(Notices notices) {
        this.notices = notices;
    }

    @ModelAttribute("unreadNotices")
    Object unread(@AuthenticationPrincipal Actor actor) {
        if (actor == null) {
            return 0L;
        }
        Long userId = actor.userId();
        return new LazyContextVariable<Long>() {
            @Override
            protected Long loadValue() {
                return notices.unreadCount(userId);
            }
        };
    }
}
