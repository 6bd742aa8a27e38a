package vn.dvk.recognition.proposal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelStatus;
import vn.dvk.model.ModelView;
import vn.dvk.recognition.criteria.CriteriaCatalogue;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Forms;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;

/**
 * The proposals section of a model's page (loaded by htmx), and its forms: propose, score, decide.
 * With htmx a form with errors comes back with the messages beside its fields; on success the page reloads.
 */
@Controller
class RecognitionPageController {

    static final String SECTION = "recognition/proposals :: section";

    private final Recognitions recognitions;
    private final ModelRegistry models;
    private final MessageSource messages;
    private final Clock clock;
    private final RoundRules rounds;
    private final CriteriaCatalogue criteria;
    private final Validator validator;

    RecognitionPageController(
            Recognitions recognitions,
            ModelRegistry models,
            MessageSource messages,
            Clock clock,
            RoundRules rounds,
            CriteriaCatalogue criteria,
            Validator validator) {
        this.validator = validator;
        this.rounds = rounds;
        this.criteria = criteria;
        this.recognitions = recognitions;
        this.models = models;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/models/{id}/proposals")
    String section(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        return render(actor, id, model, null, Map.of(), Map.of());
    }

    @PostMapping("/models/{id}/proposals")
    String propose(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) Level level,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String note,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = Forms.violations(validator, new ProposalRequest(level, year, note));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("note", note);
        return handle(
                actor,
                id,
                "propose",
                errors,
                values,
                htmx,
                response,
                model,
                redirect,
                "proposal.saved",
                () -> recognitions.propose(actor, id, level, year, note));
    }

    @PostMapping("/proposals/{pid}/decision")
    String decide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long pid,
            @RequestParam(required = false) Decision decision,
            @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) String decisionDate,
            @RequestParam(required = false) String comment,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ProposalView p = recognitions.get(actor, pid);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        if (decisionDate != null && !decisionDate.isBlank()) {
            try {
                date = LocalDate.parse(decisionDate.trim());
            } catch (DateTimeParseException e) {
                errors.put("decisionDate", text("validation.badDate"));
            }
        }
        LocalDate decidedOn = date;
        Forms.violations(validator, new DecisionRequest(decision, decisionNumber, decidedOn, comment, null))
                .forEach(errors::putIfAbsent);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("decisionNumber", decisionNumber);
        values.put("decisionDate", decisionDate);
        values.put("comment", comment);
        return handle(
                actor,
                p.modelId(),
                "decide-" + pid,
                errors,
                values,
                htmx,
                response,
                model,
                redirect,
                "proposal.decided",
                () -> recognitions.decide(actor, pid, decision, decisionNumber, decidedOn, comment));
    }

    @PostMapping("/proposals/{pid}/scores")
    String score(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long pid,
            @RequestParam(name = "criterion", required = false) List<String> criteria,
            @RequestParam(name = "points", required = false) List<String> points,
            @RequestParam(required = false) String comment,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ProposalView p = recognitions.get(actor, pid);
        Map<String, String> errors = new LinkedHashMap<>();
        List<Recognitions.Score> scores = new ArrayList<>();
        int n = criteria == null ? 0 : criteria.size();
        for (int i = 0; i < n; i++) {
            String c = criteria.get(i);
            String v = points != null && i < points.size() ? points.get(i) : null;
            if ((c == null || c.isBlank()) && (v == null || v.isBlank())) {
                continue;
            }
            try {
                scores.add(new Recognitions.Score(c == null ? null : c.trim(), Fmt.parseNumber(v)));
            } catch (NumberFormatException e) {
                errors.put("scores", text("score.points.range"));
            }
        }
        if (errors.isEmpty()) {
            Forms.violations(validator, new ScoreRequest(scores, comment))
                    .forEach((path, message) -> errors.putIfAbsent(Forms.field(path), message));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("comment", comment);
        return handle(
                actor,
                p.modelId(),
                "score-" + pid,
                errors,
                values,
                htmx,
                response,
                model,
                redirect,
                "score.saved",
                () -> recognitions.score(actor, pid, scores, comment));
    }

    private String handle(
            Actor actor,
            Long modelId,
            String form,
            Map<String, String> errors,
            Map<String, String> values,
            String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            String okKey,
            Runnable action) {
        if (errors.isEmpty()) {
            try {
                action.run();
                redirect.addFlashAttribute("flashOk", okKey);
                if (htmx != null) {
                    response.setHeader("HX-Redirect", "/models/" + modelId);
                    return render(actor, modelId, model, null, Map.of(), Map.of());
                }
                return "redirect:/models/" + modelId;
            } catch (Problems.Invalid e) {
                e.errors()
                        .forEach(
                                fe -> errors.put(fe.field().replaceAll("\\[.*", ""), text(fe.messageKey(), fe.args())));
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute("flashError", String.join(" ", errors.values()));
            return "redirect:/models/" + modelId;
        }
        return render(actor, modelId, model, form, errors, values);
    }

    /** The level a new proposal starts at: one above the highest recognition, else the model's own level. */
    static Level proposeLevel(ModelView m) {
        Level won = m.recognizedLevel();
        if (won == null) {
            return m.level();
        }
        return Level.values()[Math.max(0, won.rank() - 1)];
    }

    private String render(
            Actor actor,
            Long modelId,
            Model model,
            String openForm,
            Map<String, String> errors,
            Map<String, String> values) {
        ModelView m = models.get(actor, modelId);
        List<ProposalView> proposals = recognitions.ofModel(actor, modelId);
        Map<Long, List<ScoreSheet>> sheets = new LinkedHashMap<>();
        proposals.forEach(p -> sheets.put(p.id(), recognitions.sheetsOf(actor, p.id())));
        boolean settled = m.status() == ModelStatus.ACCEPTED || m.status() == ModelStatus.RECOGNIZED;
        model.addAttribute("m", m);
        model.addAttribute("proposals", proposals);
        model.addAttribute("sheets", sheets);
        model.addAttribute("canPropose", settled && ProposalPolicy.mayAtAll(actor, ProposalPolicy.Act.PROPOSE));
        model.addAttribute("canDecide", ProposalPolicy.mayAtAll(actor, ProposalPolicy.Act.DECIDE));
        model.addAttribute("canScore", ProposalPolicy.mayAtAll(actor, ProposalPolicy.Act.SCORE));
        // outside a round, the sheet shows the criteria in force for the scorer's unit at the proposal's level
        Map<Long, CriteriaCatalogue.CriteriaSetView> scoreCriteria = new LinkedHashMap<>();
        if (ProposalPolicy.mayAtAll(actor, ProposalPolicy.Act.SCORE)) {
            proposals.stream()
                    .filter(p -> p.roundId() == null && p.status() == ProposalStatus.PENDING)
                    .forEach(p -> criteria.inForceFor(actor, p.level()).ifPresent(s -> scoreCriteria.put(p.id(), s)));
        }
        model.addAttribute("scoreCriteria", scoreCriteria);
        // a proposal of a round is scored on the round's page, against its criteria set, by its council
        model.addAttribute(
                "roundSheets",
                proposals.stream()
                        .filter(p -> p.roundId() != null && rounds.isMember(p.roundId(), actor.username()))
                        .map(ProposalView::id)
                        .toList());
        model.addAttribute("levels", Level.values());
        model.addAttribute(
                "proposeLevel",
                values.get("level") != null
                        ? values.get("level")
                        : proposeLevel(m).name());
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("openForm", openForm);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return SECTION;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
