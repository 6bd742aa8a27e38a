package vn.dvk.recognition.round;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.recognition.proposal.ProposalView;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/**
 * The round page's "public comment" section (htmx): the window, a form for the organiser to open it, and the
 * comments on each nominee, which the board hides with a reason.
 */
@Controller
class PublicCommentPageController {

    private final PublicComments comments;
    private final Councils councils;
    private final Recognitions recognitions;

    PublicCommentPageController(PublicComments comments, Councils councils, Recognitions recognitions) {
        this.comments = comments;
        this.councils = councils;
        this.recognitions = recognitions;
    }

    /** A nominee and the comments on it. */
    record Nominee(ProposalView proposal, List<PublicComments.CommentView> comments) {}

    @GetMapping("/recognition/rounds/{id}/public-comments")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        Councils.RoundView round = councils.get(actor, id);
        List<Nominee> nominees = new ArrayList<>();
        for (Long pid : round.proposalIds()) {
            try {
                nominees.add(new Nominee(recognitions.get(actor, pid), comments.of(actor, pid)));
            } catch (Problems.NotFound e) {
                // a nominee this user does not see (a member recused from its own unit's model)
            }
        }
        model.addAttribute("round", round);
        model.addAttribute("window", comments.windowOf(id).orElse(null));
        model.addAttribute("canOpen", round.decisionNumber() == null && councils.canOrganise(actor, id));
        model.addAttribute("nominees", nominees);
        return "recognition/public-comments :: section";
    }

    @PostMapping("/recognition/rounds/{id}/public-comment")
    String open(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opens,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closes,
            RedirectAttributes redirect) {
        comments.open(actor, id, opens, closes);
        redirect.addFlashAttribute("flashOk", "showcase.round.opened");
        return "redirect:/recognition/rounds/" + id + "#public-comments-h";
    }

    @PostMapping("/recognition/rounds/{id}/public-comments/{commentId}/hide")
    String hide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long commentId,
            @RequestParam Long proposalId,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        councils.get(actor, id);
        comments.hide(actor, proposalId, commentId, reason);
        redirect.addFlashAttribute("flashOk", "showcase.round.hidden");
        return "redirect:/recognition/rounds/" + id + "#public-comments-h";
    }
}
