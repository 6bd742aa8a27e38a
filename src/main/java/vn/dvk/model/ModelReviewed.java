package vn.dvk.model;

import java.time.Instant;

/**
 * A model was reviewed for a year (kept, to be replicated, or retired): published in the transaction of the review,
 * one per model of an annual review, so a listener's writes commit or roll back with it. {@code createdBy} is the
 * username that registered the model; {@code comment} may be null except for RETIRE; {@code at} is when the review
 * was made.
 */
public record ModelReviewed(
        Long modelId,
        String title,
        String unitCode,
        String createdBy,
        int year,
        ReviewOutcome outcome,
        String comment,
        String reviewer,
        Instant at) {}
