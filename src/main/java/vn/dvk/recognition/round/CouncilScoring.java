package vn.dvk.recognition.round;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * The council's arithmetic, free of any database: weighted totals of a sheet, and the results of a round
 * (mean, normalised mean, rank with ties, pass or fail).
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Total of a sheet</b> = Σ clamp(points, 0, max) × weight over the set's criteria (weight 1 when
 *       none is given; a criterion left out counts 0; points outside [0, max] are clamped).</li>
 *   <li><b>Mean</b> of a proposal = the average of the totals of its counted sheets. Only sheets of assigned,
 *       non-recused members are passed in: recused scores never count.</li>
 *   <li><b>Normalised mean</b>: every scorer's totals over the proposals that scorer scored are turned into
 *       z-scores (z = (total − scorer's mean) / scorer's sd), then mapped back to the scale with the mean
 *       and sd of all counted totals of the round (value = overall mean + z × overall sd); the proposal's
 *       normalised mean is the average of these values. So a harsh and a lenient member weigh the same.
 *       Standard deviations are population ones (divide by n).</li>
 *   <li><b>A scorer that cannot be standardised</b> — one sheet only, or the same total on every sheet
 *       (sd = 0) — has nothing to compare against: that scorer's totals enter the normalised mean unchanged.</li>
 *   <li><b>Rank</b> by the round's basis (normalised mean or mean), rounded to 2 decimals, highest first;
 *       equal values share a rank and the next rank is skipped ("1, 2, 2, 4"). Proposals without a counted
 *       sheet are not ranked and do not pass.</li>
 *   <li><b>Pass</b> when the basis value is at or above the set's pass threshold.</li>
 * </ul>
 *
 * <h2>Worked example</h2>
 * Threshold 70, basis NORMALISED. A harsh member H scores P1 = 60 and P2 = 70; a lenient member L scores
 * P2 = 90 and P3 = 80.
 * <pre>
 *   means:        P1 = 60,  P2 = (70 + 90) / 2 = 80,  P3 = 80           (P2 and P3 tie on the mean)
 *   H: mean 65, sd 5   → z(P1) = −1, z(P2) = +1
 *   L: mean 85, sd 5   → z(P2) = +1, z(P3) = −1
 *   all totals 60, 70, 90, 80: mean 75, sd √125 = 11.18
 *   normalised:   P1 = 75 − 11.18 = 63.82,  P2 = 75 + 11.18 = 86.18,  P3 = 63.82
 *   ranks:        P2 = 1, P1 = 2, P3 = 2;   passed: P2 only (by the mean P2 and P3 would both pass)
 * </pre>
 * L's 80 was the lower of L's two marks, so P3 falls back to where H's lower mark put P1.
 */
@NamedInterface("round")
public final class CouncilScoring {

    /** What ranks a round and decides pass or fail. */
    public enum Basis {
        /** Trung bình — the plain mean of the totals. */
        MEAN,
        /** Trung bình chuẩn hóa — the normalised mean (see the class comment). */
        NORMALISED
    }

    /** A counted sheet: whose, for which proposal, its weighted total. */
    public record Sheet(Long proposalId, String scorer, BigDecimal total) {}

    /** The result of one proposal. {@code rank} is null when it has no counted sheet. */
    public record Result(
            Long proposalId, int sheets, BigDecimal mean, BigDecimal normalisedMean, Integer rank, boolean passed) {

        /** The value the round ranks by. */
        public BigDecimal value(Basis basis) {
            return basis == Basis.MEAN ? mean : normalisedMean;
        }
    }

    private CouncilScoring() {}

    /**
     * Results of a round, ranked (unranked proposals last, in the given order).
     *
     * @param proposalIds every proposal of the round, in display order
     * @param counted     the sheets that count (assigned, non-recused members only)
     */
    public static List<Result> results(List<Long> proposalIds, List<Sheet> counted, BigDecimal threshold, Basis basis) {
        Map<Long, List<Sheet>> byProposal = new LinkedHashMap<>();
        proposalIds.forEach(id -> byProposal.put(id, new ArrayList<>()));
        Map<String, List<Sheet>> byScorer = new LinkedHashMap<>();
        for (Sheet s : counted) {
            byProposal.computeIfAbsent(s.proposalId(), k -> new ArrayList<>()).add(s);
            byScorer.computeIfAbsent(s.scorer(), k -> new ArrayList<>()).add(s);
        }
        double[] all =
                counted.stream().mapToDouble(s -> s.total().doubleValue()).toArray();
        double overallMean = mean(all);
        double overallSd = sd(all, overallMean);
        Map<Sheet, Double> normalised = new HashMap<>();
        for (List<Sheet> sheets : byScorer.values()) {
            double[] totals =
                    sheets.stream().mapToDouble(s -> s.total().doubleValue()).toArray();
            double m = mean(totals);
            double sd = sd(totals, m);
            for (Sheet s : sheets) {
                boolean standardisable = totals.length >= 2 && sd > 1e-9;
                normalised.put(
                        s,
                        standardisable
                                ? overallMean + (s.total().doubleValue() - m) / sd * overallSd
                                : s.total().doubleValue());
            }
        }
        List<Result> unranked = new ArrayList<>();
        for (Map.Entry<Long, List<Sheet>> e : byProposal.entrySet()) {
            List<Sheet> sheets = e.getValue();
            if (sheets.isEmpty()) {
                unranked.add(new Result(e.getKey(), 0, null, null, null, false));
                continue;
            }
            double mean = sheets.stream()
                    .mapToDouble(s -> s.total().doubleValue())
                    .average()
                    .orElse(0);
            double norm = sheets.stream().mapToDouble(normalised::get).average().orElse(0);
            unranked.add(new Result(e.getKey(), sheets.size(), round(mean), round(norm), null, false));
        }
        List<Result> scored =
                new ArrayList<>(unranked.stream().filter(r -> r.sheets() > 0).toList());
        scored.sort(Comparator.comparing((Result r) -> r.value(basis)).reversed());
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Result r = scored.get(i);
            int rank = i > 0 && r.value(basis).compareTo(scored.get(i - 1).value(basis)) == 0
                    ? out.get(i - 1).rank()
                    : i + 1;
            out.add(new Result(
                    r.proposalId(),
                    r.sheets(),
                    r.mean(),
                    r.normalisedMean(),
                    rank,
                    r.value(basis).compareTo(threshold) >= 0));
        }
        unranked.stream().filter(r -> r.sheets() == 0).forEach(out::add);
        return out;
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values, double mean) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
