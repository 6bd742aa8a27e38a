package vn.dvk.recognition.round;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.proposal.Proposal;
import vn.dvk.recognition.proposal.ProposalStatus;
import vn.dvk.recognition.proposal.RoundMethod;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/**
 * A council member's ballot sheet (phiếu bầu) in a round that votes: one row per nominee assigned to the member,
 * AGREE or DISAGREE; the choices are shown again to be confirmed, since a vote cannot be changed, and only then
 * taken, all together. Also the minutes of the count as PDF for those who see the results.
 */
@Controller
class BallotPageController {

    static final String VIEW = "recognition/ballot";
    private static final String VOTE = "vote-";

    private final Councils councils;
    private final CouncilBallots ballots;
    private final BallotMinutesDocument minutes;
    private final MessageSource messages;
    private final Clock clock;

    BallotPageController(
            Councils councils,
            CouncilBallots ballots,
            BallotMinutesDocument minutes,
            MessageSource messages,
            Clock clock) {
        this.councils = councils;
        this.ballots = ballots;
        this.minutes = minutes;
        this.messages = messages;
        this.clock = clock;
    }

    /** A nominee on the member's sheet: already voted, recused, or still to vote on ({@code toVote}). */
    record Line(
            Long proposalId, ModelView model, ProposalStatus status, boolean recused, boolean voted, boolean toVote) {}

    /** A choice waiting for confirmation. */
    record Choice(Line line, Vote vote) {}

    @GetMapping("/recognition/rounds/{id}/ballot")
    String sheet(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        Round round = memberRound(actor, id);
        return render(actor, round, model, Map.of(), Map.of(), List.of());
    }

    @PostMapping("/recognition/rounds/{id}/ballot")
    String cast(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String step,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Round round = memberRound(actor, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Long, Vote> votes = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith(VOTE)) {
                try {
                    votes.put(Long.valueOf(key.substring(VOTE.length())), Vote.valueOf(value));
                    values.put(key, value);
                } catch (IllegalArgumentException e) {
                    errors.put("form", text("validation.badValue"));
                }
            }
        });
        try {
            round.requireMethod(RoundMethod.BALLOT);
            if (errors.isEmpty() && votes.isEmpty()) {
                throw new Problems.Invalid("votes", "ballot.none");
            }
            if (errors.isEmpty() && "cast".equals(step)) {
                ballots.castAll(actor, id, votes);
                redirect.addFlashAttribute("flashOk", "ballot.saved");
                return "redirect:/recognition/rounds/" + id + "/ballot";
            }
            if (errors.isEmpty() && !"edit".equals(step)) {
                List<Choice> choices = new ArrayList<>();
                lines(actor, round).stream()
                        .filter(l -> votes.containsKey(l.proposalId()))
                        .forEach(l -> choices.add(new Choice(l, votes.get(l.proposalId()))));
                return render(actor, round, model, errors, values, choices);
            }
        } catch (Problems.Invalid e) {
            e.errors().forEach(fe -> errors.putIfAbsent("form", text(fe.messageKey(), fe.args())));
        } catch (Problems.Conflict e) {
            errors.put("form", text(e.messageKey(), e.args()));
        } catch (Problems.Forbidden e) {
            response.setStatus(403);
            errors.put("form", text(e.messageKey()));
            return render(actor, round, model, errors, values, List.of());
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
        }
        return render(actor, round, model, errors, values, List.of());
    }

    @GetMapping("/recognition/rounds/{id}/ballot-minutes.pdf")
    ResponseEntity<byte[]> minutes(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return BallotApiController.pdf(minutes.pdf(actor, id), id);
    }

    /** The round, if the actor sits on its council as a scorer (404 when not visible, else 403). */
    private Round memberRound(Actor actor, Long id) {
        Round round = councils.visibleRound(actor, id);
        RoundPolicy.requireVoter(actor, round.member(actor.username()).isPresent());
        return round;
    }

    private List<Line> lines(Actor actor, Round round) {
        List<Proposal> proposals = councils.proposalsOf(round);
        Map<Long, ModelView> models = councils.modelsOf(proposals);
        Set<Long> voted = ballots.votedBy(round.getId(), actor.username());
        List<Assignment> assignments = councils.assignmentRows(round);
        List<Line> lines = new ArrayList<>();
        for (Proposal p : proposals) {
            assignments.stream()
                    .filter(a ->
                            a.getProposalId().equals(p.getId()) && a.getScorer().equals(actor.username()))
                    .findFirst()
                    .ifPresent(a -> lines.add(new Line(
                            p.getId(),
                            models.get(p.getModelId()),
                            p.getStatus(),
                            a.isRecused(),
                            voted.contains(p.getId()),
                            !a.isRecused() && !voted.contains(p.getId()) && p.getStatus() == ProposalStatus.PENDING)));
        }
        return lines;
    }

    private String render(
            Actor actor,
            Round round,
            Model model,
            Map<String, String> errors,
            Map<String, String> values,
            List<Choice> choices) {
        List<Line> lines = lines(actor, round);
        model.addAttribute("round", councils.view(round));
        model.addAttribute("ballot", round.isBallot());
        model.addAttribute("open", round.isOpen(LocalDate.now(clock)));
        model.addAttribute("lines", lines);
        model.addAttribute("toVote", lines.stream().filter(Line::toVote).count());
        model.addAttribute(
                "memberName",
                round.member(actor.username()).map(Round.Member::getFullName).orElse(actor.fullName()));
        model.addAttribute("choices", choices);
        model.addAttribute("votes", Vote.values());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return VIEW;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
