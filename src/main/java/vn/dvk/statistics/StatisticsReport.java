package vn.dvk.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import vn.dvk.showcase.CitizenFeedback;

/**
 * The answer of {@code GET /api/v1/statistics}, field for field as DESIGN.md defines it, plus {@code byLevel}: the
 * same counts split by level (registrations by the level they target, proposals and recognitions by the level
 * they were made at).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatisticsReport(
        String unit,
        Integer year,
        String period,
        long registered,
        long accepted,
        long changesRequested,
        long rejected,
        long proposed,
        long recognized,
        long active,
        long retired,
        Map<String, Counts> byField,
        Map<String, Counts> byHolderType,
        Map<String, Counts> byOrigin,
        Map<String, Long> recognizedByLevel,
        CommendationCounts commendations,
        Map<String, Counts> byLevel,
        CitizenFeedback.Summary feedback) {

    /** The same counts with the citizens' ratings of the scope ({@code feedback: {count, averageRating}}). */
    public StatisticsReport withFeedback(CitizenFeedback.Summary answers) {
        return new StatisticsReport(
                unit,
                year,
                period,
                registered,
                accepted,
                changesRequested,
                rejected,
                proposed,
                recognized,
                active,
                retired,
                byField,
                byHolderType,
                byOrigin,
                recognizedByLevel,
                commendations,
                byLevel,
                answers);
    }

    /** Commendations by form and by the issuer's level, each split by recipient type. */
    public record CommendationCounts(
            Map<String, Map<String, Long>> byForm, Map<String, Map<String, Long>> byIssuerLevel) {}

    /** The totals as one {@link Counts}. */
    public Counts totals() {
        return new Counts(registered, accepted, changesRequested, rejected, proposed, recognized, active, retired);
    }
}
