package vn.dvk.recognition.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a set's criteria: a sheet's points clamped to each criterion's maximum, weighted and summed, and
 * the highest total a sheet can reach. A round's ranking of those totals is {@code round.CouncilScoring}.
 */
public final class CriteriaPoints {

    /** A criterion of the set: code, maximum points, weight (null means 1). */
    public record Criterion(String code, BigDecimal max, BigDecimal weight) {
        BigDecimal effectiveWeight() {
            return weight == null ? BigDecimal.ONE : weight;
        }
    }

    private CriteriaPoints() {}

    /** Clamps points to [0, max]; null counts as 0. */
    public static BigDecimal clamp(BigDecimal points, BigDecimal max) {
        if (points == null || points.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return points.compareTo(max) > 0 ? max : points;
    }

    /** The weighted total of a sheet, 2 decimals. */
    public static BigDecimal total(List<Criterion> criteria, Map<String, BigDecimal> points) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            sum = sum.add(clamp(points.get(c.code()), c.max()).multiply(c.effectiveWeight()));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    /** The highest total a sheet can reach: Σ max × weight. */
    public static BigDecimal maxTotal(List<Criterion> criteria) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            sum = sum.add(c.max().multiply(c.effectiveWeight()));
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }
}
