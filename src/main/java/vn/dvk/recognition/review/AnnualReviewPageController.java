package vn.dvk.recognition.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.model.ReviewOutcome;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Problems;

/**
 * The annual review page of a unit (/reviews/annual): its active models with their latest results and one
 * row per model (maintain / replicate / retire + reason). All or nothing: a refused row keeps everything
 * unsaved and its message is shown beside it, the other rows keep what was typed.
 */
@Controller
class AnnualReviewPageController {

    private static final Pattern ROW = Pattern.compile("items\\[(\\d+)]\\.(.*)");

    private final AnnualReview review;
    private final MessageSource messages;
    private final Clock clock;

    AnnualReviewPageController(AnnualReview review, MessageSource messages, Clock clock) {
        this.review = review;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/reviews/annual")
    String page(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            Model model) {
        return render(actor, unit, year, model, Map.of(), List.of(), List.of(), List.of(), null);
    }

    @PostMapping("/reviews/annual")
    String apply(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer year,
            @RequestParam(name = "modelId", required = false) List<Long> ids,
            @RequestParam(name = "outcome", required = false) List<String> outcomes,
            @RequestParam(name = "comment", required = false) List<String> comments,
            Model model,
            RedirectAttributes redirect) {
        List<Long> modelIds = ids == null ? List.of() : ids;
        List<String> os = outcomes == null ? List.of() : outcomes;
        List<String> cs = comments == null ? List.of() : comments;
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        List<AnnualReview.Item> items = new ArrayList<>();
        List<Long> badRows = new ArrayList<>();
        for (int i = 0; i < modelIds.size(); i++) {
            String o = i < os.size() ? os.get(i) : null;
            ReviewOutcome outcome = null;
            if (o != null && !o.isBlank()) {
                outcome = Arrays.stream(ReviewOutcome.values())
                        .filter(x -> x.name().equals(o))
                        .findFirst()
                        .orElse(null);
                if (outcome == null) {
                    badRows.add(modelIds.get(i));
                }
            }
            items.add(new AnnualReview.Item(modelIds.get(i), outcome, i < cs.size() ? cs.get(i) : null));
        }
        String error = null;
        Map<Long, String> rowErrors = new HashMap<>();
        badRows.forEach(id -> rowErrors.put(id, text("validation.required")));
        if (year == null || year < 2009 || year > 2100) {
            error = text("model.year.range");
        } else if (!badRows.isEmpty()) {
            error = text("annualReview.nothingSaved");
        } else {
            try {
                int n = review.apply(actor, y, items);
                redirect.addFlashAttribute("flashOk", n == 0 ? "annualReview.nothing" : "annualReview.saved");
                return "redirect:/reviews/annual?unit=" + (unit == null ? "" : unit) + "&year=" + y;
            } catch (Problems.Invalid e) {
                for (Problems.FieldError fe : e.errors()) {
                    Matcher m = ROW.matcher(fe.field());
                    if (m.matches()) {
                        rowErrors.merge(
                                modelIds.get(Integer.parseInt(m.group(1))),
                                text(fe.messageKey(), fe.args()),
                                (a, b) -> a + " " + b);
                    } else {
                        error = text(fe.messageKey(), fe.args());
                    }
                }
                if (error == null) {
                    error = text("annualReview.nothingSaved");
                }
            }
        }
        return render(actor, unit, y, model, rowErrors, modelIds, os, cs, error);
    }

    private String render(
            Actor actor,
            String unit,
            Integer year,
            Model model,
            Map<Long, String> rowErrors,
            List<Long> ids,
            List<String> outcomes,
            List<String> comments,
            String error) {
        String code = unit == null || unit.isBlank() ? actor.unitCode() : unit.trim();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        Map<Long, String> typedOutcome = new HashMap<>();
        Map<Long, String> typedComment = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            typedOutcome.put(ids.get(i), i < outcomes.size() ? outcomes.get(i) : "");
            typedComment.put(ids.get(i), i < comments.size() ? comments.get(i) : "");
        }
        model.addAttribute("lines", review.of(actor, code, y));
        model.addAttribute("unit", code);
        model.addAttribute("year", y);
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("rowErrors", rowErrors);
        model.addAttribute("typedOutcome", typedOutcome);
        model.addAttribute("typedComment", typedComment);
        model.addAttribute("error", error);
        return "recognition/annual-review";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
