package vn.dvk.model;

import java.time.Instant;

/**
 * A registration was appraised: published in the transaction of the appraisal, so a listener's writes commit or roll
 * back with it. {@code createdBy} is the username that registered the model; {@code comment} may be null for ACCEPT;
 * {@code at} is when the appraisal was made.
 */
public record ModelAppraised(
        Long modelId,
        String title,
        String unitCode,
        String createdBy,
        AppraisalDecision decision,
        String comment,
        String appraiser,
        Instant at) {}
