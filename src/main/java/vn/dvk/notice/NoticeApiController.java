package vn.dvk.notice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** {@code /api/v1/notifications}: the caller's own notices, unread first, and marking one read. */
@RestController
@RequestMapping("/api/v1/notifications")
class NoticeApiController {

    private final Notices notices;

    NoticeApiController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping
    PagedModel<Notices.NoticeView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return new PagedModel<>(notices.list(actor, PageRequest.of(page, size)));
    }

    /** Marks a notice of the caller read and answers it; another user's notice is 404. */
    @PostMapping("/{id}/read")
    Notices.NoticeView read(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return notices.markRead(actor, id);
    }
}
