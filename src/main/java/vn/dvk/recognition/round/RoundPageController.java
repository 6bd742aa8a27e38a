package vn.dvk.recognition.round;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import vn.dvk.recognition.criteria.CriteriaCatalogue;
import vn.dvk.recognition.criteria.CriteriaPoints;
import vn.dvk.recognition.criteria.CriteriaPolicy;
import vn.dvk.recognition.criteria.CriteriaSet;
import vn.dvk.recognition.proposal.Proposal;
import vn.dvk.recognition.proposal.ProposalStatus;
import vn.dvk.recognition.proposal.Recognitions;
import vn.dvk.recognition.proposal.RoundMethod;
import vn.dvk.recognition.proposal.ScoreSheet;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Level;
import vn.dvk.shared.Problems;
import vn.dvk.unit.UnitDirectory;
import vn.dvk.unit.UnitRef;

/**
 * The pages of rounds of recognition: the list with the form to open a round; a round's page with its council,
 * the member's score sheets, the ranked table with the bulk decision, and the decision as PDF. A form with
 * errors comes back with the messages beside its fields (status 400); on success the page redirects.
 */
@Controller
class RoundPageController {

    static final String LIST_VIEW = "recognition/rounds";
    static final String DETAIL_VIEW = "recognition/round";

    private final Councils councils;
    private final CriteriaCatalogue catalogue;
    private final Recognitions recognitions;
    private final RoundDecisionDocument decisions;
    private final CouncilBallots ballots;
    private final UnitDirectory units;
    private final MessageSource messages;
    private final Clock clock;

    RoundPageController(
            Councils councils,
            CriteriaCatalogue catalogue,
            Recognitions recognitions,
            RoundDecisionDocument decisions,
            CouncilBallots ballots,
            UnitDirectory units,
            MessageSource messages,
            Clock clock) {
        this.ballots = ballots;
        this.councils = councils;
        this.catalogue = catalogue;
        this.recognitions = recognitions;
        this.decisions = decisions;
        this.units = units;
        this.messages = messages;
        this.clock = clock;
    }

    /** A member's task on one proposal, for the page. */
    record Task(
            Long proposalId,
            ModelView model,
            ProposalStatus status,
            boolean recused,
            boolean autoRecused,
            String reason,
            ScoreSheet sheet) {}

    /** One proposal of the round with its council's state, for the organiser. */
    record Line(Long proposalId, ModelView model, List<Seat> seats) {}

    /**
     * A member on one proposal: recused or not, the sheet's total once submitted (else null), and in a ballot
     * round whether the member has voted (never how).
     */
    record Seat(String scorer, boolean recused, boolean autoRecused, BigDecimal total, boolean voted) {}

    @GetMapping("/recognition/rounds")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        return renderList(actor, model, Map.of(), Map.of());
    }

    @PostMapping("/recognition/rounds")
    String create(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Level level = parseLevel(form.get("level"), errors);
        Integer year = parseInt(form.get("year"), "year", errors);
        LocalDate opens = parseDate(form.get("opensOn"), "opensOn", true, errors);
        LocalDate closes = parseDate(form.get("closesOn"), "closesOn", true, errors);
        CouncilScoring.Basis basis =
                "MEAN".equals(form.get("basis")) ? CouncilScoring.Basis.MEAN : CouncilScoring.Basis.NORMALISED;
        RoundMethod method = "BALLOT".equals(form.get("method")) ? RoundMethod.BALLOT : RoundMethod.SCORE;
        Integer quorum = method == RoundMethod.BALLOT ? parseInt(form.get("quorum"), "quorum", errors) : null;
        if (errors.isEmpty()) {
            try {
                Councils.RoundView v = councils.create(
                        actor,
                        new Councils.RoundDraft(
                                form.get("unitCode"),
                                level,
                                year,
                                form.get("title"),
                                opens,
                                closes,
                                null,
                                basis,
                                form.get("issuerBody"),
                                form.get("parentBody"),
                                method,
                                form.get("passShare"),
                                quorum));
                return "redirect:/recognition/rounds/" + v.id();
            } catch (Problems.Invalid e) {
                collect(e, errors);
                if (errors.containsKey("criteriaSetId")) {
                    offerCopy(actor, form.get("unitCode"), level, opens, model);
                }
            } catch (Problems.Conflict e) {
                errors.put("form", text(e.messageKey(), e.args()));
            }
        }
        response.setStatus(400);
        return renderList(actor, model, errors, form);
    }

    @GetMapping("/recognition/rounds/{id}")
    String detail(@AuthenticationPrincipal Actor actor, @PathVariable Long id, Model model) {
        return render(actor, id, model, null, Map.of(), Map.of());
    }

    @PostMapping("/recognition/rounds/{id}/members")
    String addMembers(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(name = "username", required = false) List<String> usernames,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                "members",
                response,
                model,
                redirect,
                "round.members.saved",
                Map.of(),
                () -> councils.addMembers(actor, id, usernames == null ? List.of() : usernames));
    }

    @PostMapping("/recognition/rounds/{id}/gather")
    String gather(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                "gather",
                response,
                model,
                redirect,
                "round.gathered",
                Map.of(),
                () -> councils.gather(actor, id));
    }

    @PostMapping("/recognition/rounds/{id}/assignments")
    String assign(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String perProposal,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer n = "n".equals(mode) ? parseInt(perProposal, "perProposal", errors) : null;
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return render(actor, id, model, "assign", errors, Map.of("perProposal", String.valueOf(perProposal)));
        }
        return act(
                actor,
                id,
                "assign",
                response,
                model,
                redirect,
                "round.assigned",
                Map.of("perProposal", perProposal == null ? "" : perProposal),
                () -> councils.assign(actor, id, n));
    }

    @PostMapping("/recognition/rounds/{id}/proposals/{pid}/sheet")
    String score(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long pid,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Round round = councils.visibleRound(actor, id);
        List<CriteriaSet.Criterion> criteria = councils.criteriaOf(round).getCriteria();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Recognitions.Score> scores = new ArrayList<>();
        for (CriteriaSet.Criterion c : criteria) {
            String raw = form.get("points-" + c.getCode());
            try {
                scores.add(new Recognitions.Score(
                        c.getCode(), raw == null || raw.isBlank() ? null : Fmt.parseNumber(raw)));
            } catch (NumberFormatException e) {
                errors.put(
                        "points-" + c.getCode(),
                        text(
                                "score.points.max",
                                c.getCode(),
                                c.getMaxPoints().stripTrailingZeros().toPlainString()));
            }
        }
        Map<String, String> values = new HashMap<>(form);
        String formId = "sheet-" + pid;
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return render(actor, id, model, formId, errors, values);
        }
        try {
            requireInRound(round, pid);
            recognitions.score(actor, pid, scores, form.get("comment"));
            redirect.addFlashAttribute("flashOk", "score.saved");
            return "redirect:/recognition/rounds/" + id;
        } catch (Problems.Invalid e) {
            for (Problems.FieldError fe : e.errors()) {
                String key = fe.field();
                Matcher m = Pattern.compile("scores\\[(\\d+)].*").matcher(key);
                if (m.matches() && Integer.parseInt(m.group(1)) < criteria.size()) {
                    key = "points-" + criteria.get(Integer.parseInt(m.group(1))).getCode();
                }
                errors.put(key, text(fe.messageKey(), fe.args()));
            }
        } catch (Problems.Conflict | Problems.Forbidden e) {
            // a conflict about one field (a decision while the public comment window is open) is shown beside it
            errors.put(e instanceof Problems.Conflict c && c.field() != null ? c.field() : "form", problemText(e));
            if (e instanceof Problems.Forbidden) {
                response.setStatus(403); // shown beside the form, but answered as the refusal it is
                return render(actor, id, model, formId, errors, values);
            }
        }
        response.setStatus(400);
        return render(actor, id, model, formId, errors, values);
    }

    @PostMapping("/recognition/rounds/{id}/proposals/{pid}/conflict")
    String conflict(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long pid,
            @RequestParam(required = false) String reason,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                "conflict-" + pid,
                response,
                model,
                redirect,
                "round.conflict.saved",
                Map.of("reason", reason == null ? "" : reason),
                () -> councils.declareConflict(actor, id, pid, reason));
    }

    @PostMapping("/recognition/rounds/{id}/proposals/{pid}/reopen")
    String reopen(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @PathVariable Long pid,
            @RequestParam(required = false) String scorer,
            @RequestParam(required = false) String reason,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(
                actor,
                id,
                "reopen-" + pid + "-" + scorer,
                response,
                model,
                redirect,
                "round.reopened",
                Map.of("reason", reason == null ? "" : reason),
                () -> {
                    councils.reopenSheet(actor, id, pid, scorer, reason);
                    return null;
                });
    }

    @PostMapping("/recognition/rounds/{id}/decision")
    String decide(
            @AuthenticationPrincipal Actor actor,
            @PathVariable Long id,
            @RequestParam(name = "recognize", required = false) List<Long> recognize,
            @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) String decisionDate,
            @RequestParam(required = false) String signerName,
            @RequestParam(required = false) String declineOthers,
            @RequestParam(required = false) String overrideReason,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = parseDate(decisionDate, "decisionDate", true, errors);
        Map<String, String> values = new HashMap<>();
        values.put("decisionNumber", decisionNumber);
        values.put("decisionDate", decisionDate);
        values.put("signerName", signerName);
        values.put("overrideReason", overrideReason);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return render(actor, id, model, "decision", errors, values);
        }
        return act(
                actor,
                id,
                "decision",
                response,
                model,
                redirect,
                "round.decided.saved",
                values,
                () -> councils.decide(
                        actor,
                        id,
                        new Councils.RoundDecision(
                                decisionNumber,
                                date,
                                recognize == null ? List.of() : recognize,
                                declineOthers != null,
                                signerName,
                                overrideReason == null || overrideReason.isBlank() ? null : overrideReason)));
    }

    @GetMapping("/recognition/rounds/{id}/decision.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Actor actor, @PathVariable Long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("quyet-dinh-cong-nhan-" + id + ".pdf")
                                .build()
                                .toString())
                .body(decisions.pdf(actor, id));
    }

    private String act(
            Actor actor,
            Long id,
            String formId,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            String okKey,
            Map<String, String> values,
            Supplier<?> action) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            action.get();
            redirect.addFlashAttribute("flashOk", okKey);
            return "redirect:/recognition/rounds/" + id;
        } catch (Problems.Invalid e) {
            collect(e, errors);
        } catch (Problems.Conflict | Problems.Forbidden e) {
            // a conflict about one field (a decision while the public comment window is open) is shown beside it
            errors.put(e instanceof Problems.Conflict c && c.field() != null ? c.field() : "form", problemText(e));
            if (e instanceof Problems.Forbidden) {
                response.setStatus(403); // shown beside the form, but answered as the refusal it is
                return render(actor, id, model, formId, errors, values);
            }
        }
        response.setStatus(400);
        return render(actor, id, model, formId, errors, values);
    }

    private String render(
            Actor actor,
            Long id,
            Model model,
            String openForm,
            Map<String, String> errors,
            Map<String, String> values) {
        Round round = councils.visibleRound(actor, id);
        String path = councils.pathOf(round);
        Councils.RoundView view = councils.view(round);
        List<Proposal> proposals = councils.proposalsOf(round);
        Map<Long, ModelView> models = councils.modelsOf(proposals);
        List<Assignment> assignments = councils.assignmentRows(round);
        List<ScoreSheet> sheets = councils.sheetsOf(round);
        boolean organiser = RoundPolicy.allows(actor, RoundPolicy.Act.ORGANISE, round.getLevel(), path);
        boolean member = round.member(actor.username()).isPresent();
        List<Task> tasks = new ArrayList<>();
        if (member) {
            for (Proposal p : proposals) {
                assignments.stream()
                        .filter(a -> a.getProposalId().equals(p.getId())
                                && a.getScorer().equals(actor.username()))
                        .findFirst()
                        .ifPresent(a -> tasks.add(new Task(
                                p.getId(),
                                models.get(p.getModelId()),
                                p.getStatus(),
                                a.isRecused(),
                                a.isAutoRecused(),
                                a.isAutoRecused() ? null : a.getRecusalReason(),
                                sheets.stream()
                                        .filter(s -> s.getProposalId().equals(p.getId())
                                                && s.getScorer().equals(actor.username()))
                                        .findFirst()
                                        .orElse(null))));
            }
        }
        Set<String> voters = round.isBallot() ? ballots.voters(round.getId()) : Set.of();
        List<Line> lines = new ArrayList<>();
        for (Proposal p : proposals) {
            List<Seat> seats = assignments.stream()
                    .filter(a -> a.getProposalId().equals(p.getId()))
                    .map(a -> new Seat(
                            a.getScorer(),
                            a.isRecused(),
                            a.isAutoRecused(),
                            sheets.stream()
                                    .filter(s -> s.getProposalId().equals(p.getId())
                                            && s.getScorer().equals(a.getScorer()))
                                    .map(ScoreSheet::total)
                                    .findFirst()
                                    .orElse(null),
                            voters.contains(p.getId() + "|" + a.getScorer())))
                    .toList();
            lines.add(new Line(p.getId(), models.get(p.getModelId()), seats));
        }
        boolean seeResults = RoundPolicy.allows(actor, RoundPolicy.Act.SEE_RESULTS, round.getLevel(), path);
        model.addAttribute("round", view);
        CriteriaSet set = councils.criteriaOf(round);
        model.addAttribute("criteria", catalogue.view(set));
        model.addAttribute(
                "memberName",
                round.member(actor.username()).map(Round.Member::getFullName).orElse(actor.fullName()));
        model.addAttribute("typedTotal", typedTotal(set, values));
        model.addAttribute("organiser", organiser);
        model.addAttribute("member", member);
        model.addAttribute(
                "canDecide",
                RoundPolicy.allows(actor, RoundPolicy.Act.DECIDE, round.getLevel(), path) && !round.isDecided());
        model.addAttribute("decided", round.isDecided());
        model.addAttribute("open", round.isOpen(LocalDate.now(clock)));
        model.addAttribute("tasks", tasks);
        model.addAttribute("lines", organiser || seeResults ? lines : List.of());
        model.addAttribute("results", seeResults ? councils.results(round) : List.of());
        model.addAttribute("ballot", round.isBallot());
        model.addAttribute("ballotResults", seeResults && round.isBallot() ? ballots.count(round) : null);
        model.addAttribute("seeResults", seeResults);
        model.addAttribute(
                "candidates", organiser && !round.isDecided() ? councils.candidates(actor, round) : List.of());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("openForm", openForm);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return DETAIL_VIEW;
    }

    private String renderList(Actor actor, Model model, Map<String, String> errors, Map<String, String> values) {
        boolean canCreate = RoundPolicy.allows(actor, RoundPolicy.Act.CREATE, null, null);
        List<UnitRef> unitOptions = canCreate
                ? units.byCode(actor.unitCode()).map(units::allIn).orElse(List.of()).stream()
                        .filter(u -> u.level() != Level.COMMUNE || u.path().equals(actor.unitPath()))
                        .toList()
                : List.of();
        model.addAttribute("rounds", councils.list(actor));
        model.addAttribute("canCreate", canCreate);
        model.addAttribute("unitOptions", unitOptions);
        model.addAttribute("levels", Level.values());
        model.addAttribute("bases", CouncilScoring.Basis.values());
        model.addAttribute("methods", RoundMethod.values());
        model.addAttribute("thisYear", LocalDate.now(clock).getYear());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return LIST_VIEW;
    }

    /** The weighted total of the points as typed (a sheet sent back with errors), as the sheet would store it. */
    private static BigDecimal typedTotal(CriteriaSet set, Map<String, String> values) {
        Map<String, BigDecimal> points = new HashMap<>();
        for (CriteriaSet.Criterion c : set.getCriteria()) {
            String raw = values.get("points-" + c.getCode());
            try {
                if (raw != null && !raw.isBlank()) {
                    points.put(c.getCode(), Fmt.parseNumber(raw));
                }
            } catch (NumberFormatException e) {
                // an unreadable number counts as nothing; its message stands beside its row
            }
        }
        return CriteriaPoints.total(set.scoringCriteria(), points);
    }

    /**
     * No set in force: the page names who may copy one (a leader or an administrator) and links to the set to
     * copy — the guidance document above the unit, else the example — with the copy form filled in.
     */
    private void offerCopy(Actor actor, String unitCode, Level level, LocalDate opens, Model model) {
        units.byCode(unitCode)
                .filter(u -> actor.covers(u.path()))
                .ifPresent(unit -> catalogue.copySource(unit, opens).ifPresent(source -> {
                    model.addAttribute("copySource", catalogue.view(source));
                    model.addAttribute("copyUnit", unit.code());
                    model.addAttribute("copyLevel", level);
                    model.addAttribute("copyFrom", opens);
                    model.addAttribute("mayCopy", CriteriaPolicy.mayAtAll(actor, CriteriaPolicy.Act.COPY));
                }));
    }

    private void requireInRound(Round round, Long pid) {
        if (councils.proposalsOf(round).stream().noneMatch(p -> p.getId().equals(pid))) {
            throw new Problems.Invalid("form", "round.proposal.notInRound");
        }
    }

    private void collect(Problems.Invalid e, Map<String, String> errors) {
        e.errors()
                .forEach(
                        fe -> errors.putIfAbsent(fe.field().replaceAll("\\[.*", ""), text(fe.messageKey(), fe.args())));
    }

    private String problemText(RuntimeException e) {
        if (e instanceof Problems.Conflict c) {
            return text(c.messageKey(), c.args());
        }
        if (e instanceof Problems.Forbidden f) {
            return text(f.messageKey());
        }
        return e.getMessage();
    }

    private Level parseLevel(String raw, Map<String, String> errors) {
        try {
            return raw == null || raw.isBlank() ? null : Level.valueOf(raw);
        } catch (IllegalArgumentException e) {
            errors.put("level", text("validation.badValue"));
            return null;
        }
    }

    private Integer parseInt(String raw, String field, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            errors.put(field, text("validation.badValue"));
            return null;
        }
    }

    private LocalDate parseDate(String raw, String field, boolean required, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.put(field, text("validation.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, text("validation.badDate"));
            return null;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
