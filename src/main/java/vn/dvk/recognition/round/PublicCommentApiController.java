package vn.dvk.recognition.round;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/**
 * The board's side of nominees open for comment: the organiser opens a round's window, the board reads the comments
 * on a proposal and hides an abusive one with a reason. (The public side is under {@code /api/v1/public/nominations}.)
 */
@RestController
@RequestMapping("/api/v1")
class PublicCommentApiController {

    private final PublicComments comments;

    PublicCommentApiController(PublicComments comments) {
        this.comments = comments;
    }

    /** The window: first and last day of comments; {@code opens} defaults to today, {@code closes} to 10 working days later. */
    record WindowRequest(LocalDate opens, LocalDate closes) {}

    /** Why a comment is hidden. */
    record HideRequest(
            @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.maxLength}")
            String reason) {}

    @PostMapping("/recognition-rounds/{id}/public-comment")
    PublicComments.Window open(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @Valid @RequestBody(required = false) WindowRequest request) {
        WindowRequest r = request == null ? new WindowRequest(null, null) : request;
        return comments.open(actor, id, r.opens(), r.closes());
    }

    @GetMapping("/recognition-proposals/{id}/public-comments")
    List<PublicComments.CommentView> list(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return comments.of(actor, id);
    }

    @PostMapping("/recognition-proposals/{id}/public-comments/{commentId}/hide")
    PublicComments.CommentView hide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long commentId,
            @Valid @RequestBody HideRequest request) {
        return comments.hide(actor, id, commentId, request.reason());
    }
}
