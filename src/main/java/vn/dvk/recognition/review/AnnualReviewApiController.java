package vn.dvk.recognition.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dvk.shared.Actor;

/** The annual review of a unit: its active models, and the bulk decision (all or nothing). */
@RestController
@Validated
@RequestMapping("/api/v1/annual-reviews")
class AnnualReviewApiController {

    private final AnnualReview review;

    AnnualReviewApiController(AnnualReview review) {
        this.review = review;
    }

    /** The bulk decision of a year: one item per model. */
    record ReviewBatch(
            @NotNull(message = "{validation.required}")
            @Min(value = 2009, message = "{model.year.range}")
            @Max(value = 2100, message = "{model.year.range}")
            Integer year,

            @NotEmpty(message = "{validation.required}") @Size(max = 500, message = "{validation.maxItems}")
            List<AnnualReview.Item> items) {}

    @GetMapping
    List<AnnualReview.Line> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam String unit,
            @RequestParam @Min(2009) @Max(2100) int year) {
        return review.of(actor, unit, year);
    }

    @PostMapping
    Map<String, Integer> apply(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ReviewBatch batch) {
        return Map.of("applied", review.apply(actor, batch.year(), batch.items()));
    }
}
