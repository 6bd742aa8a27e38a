package vn.dvk.recognition.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.model.ModelLineage;
import vn.dvk.model.ModelRegistry;
import vn.dvk.model.ModelView;
import vn.dvk.model.Review;
import vn.dvk.model.ReviewOutcome;
import vn.dvk.progress.LastReports;
import vn.dvk.shared.Actor;
import vn.dvk.shared.Limits;
import vn.dvk.shared.Problems;

/**
 * The annual review of a unit (đánh giá hằng năm): its active models with their latest results, and a bulk
 * decision per model — maintain, replicate or retire with a reason — applied all or nothing through
 * {@link ModelRegistry#review}: when one row is refused, nothing is saved and every refusal names its row.
 */
@Service
@Transactional(readOnly = true)
public class AnnualReview {

    /** An active model with its latest progress report and this year's review, if any. */
    public record Line(ModelView model, LocalDate lastReport, ReviewOutcome reviewed, String reviewComment) {}

    /** One decision of the bulk form; rows without an outcome are skipped. */
    public record Item(Long modelId, ReviewOutcome outcome, String comment) {}

    private final ModelLineage lineage;
    private final ModelRegistry models;
    private final LastReports lastReports;

    AnnualReview(ModelLineage lineage, ModelRegistry models, LastReports lastReports) {
        this.lineage = lineage;
        this.models = models;
        this.lastReports = lastReports;
    }

    /** The active models of the unit's subtree; appraisers only (403), a unit in scope (400 on "unit"). */
    public List<Line> of(Actor actor, String unitCode, int year) {
        AnnualReviewPolicy.requireReviewer(actor);
        List<ModelView> active = lineage.activeIn(actor, unitCode, "unit");
        Map<Long, LocalDate> last =
                lastReports.of(active.stream().map(ModelView::id).toList());
        List<Line> out = new ArrayList<>();
        for (ModelView m : active) {
            Review r = models.reviewsOf(actor, m.id()).stream()
                    .filter(x -> x.getYear() == year)
                    .findFirst()
                    .orElse(null);
            out.add(new Line(
                    m, last.get(m.id()), r == null ? null : r.getOutcome(), r == null ? null : r.getComment()));
        }
        return out;
    }

    /**
     * Applies the decisions in one transaction. Errors are collected for every row (field
     * {@code items[i].comment}, {@code items[i].year}, {@code items[i].modelId}…) and thrown together as one
     * {@link Problems.Invalid}, which rolls every review of the batch back.
     */
    @Transactional
    public int apply(Actor actor, int year, List<Item> items) {
        AnnualReviewPolicy.requireReviewer(actor);
        List<Problems.FieldError> errors = new ArrayList<>();
        Map<Long, Integer> seen = new LinkedHashMap<>();
        int applied = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String row = "items[" + i + "].";
            if (it == null || it.outcome() == null) {
                continue;
            }
            if (it.modelId() == null) {
                errors.add(new Problems.FieldError(row + "modelId", "validation.required"));
                continue;
            }
            if (seen.putIfAbsent(it.modelId(), i) != null) {
                errors.add(new Problems.FieldError(row + "modelId", "annualReview.duplicateRow"));
                continue;
            }
            if (it.comment() != null && it.comment().length() > Limits.TEXT) {
                errors.add(new Problems.FieldError(row + "comment", "validation.maxLengthN", Limits.TEXT));
                continue;
            }
            try {
                models.review(actor, it.modelId(), year, it.outcome(), blankToNull(it.comment()));
                applied++;
            } catch (Problems.Invalid e) {
                e.errors()
                        .forEach(fe ->
                                errors.add(new Problems.FieldError(row + fe.field(), fe.messageKey(), fe.args())));
            } catch (Problems.Conflict e) {
                errors.add(new Problems.FieldError(row + "outcome", e.messageKey(), e.args()));
            } catch (Problems.NotFound e) {
                errors.add(new Problems.FieldError(row + "modelId", e.messageKey()));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problems.Invalid(errors);
        }
        return applied;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
