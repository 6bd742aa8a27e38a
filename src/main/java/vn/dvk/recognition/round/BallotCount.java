package vn.dvk.recognition.round;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The count of a secret ballot (kiểm phiếu), free of any database.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Eligible</b>: the members assigned to the nominee and not recused. <b>Voting</b> (present): those of
 *       them who cast a vote, AGREE or DISAGREE. <b>Not voted</b> = eligible − voting (absent members).</li>
 *   <li><b>Quorum</b>: fewer members voting than the round's quorum → {@link Outcome#NO_QUORUM}, "không đủ số
 *       thành viên, chưa thể kết luận", whatever the votes say.</li>
 *   <li><b>Share</b>: the nominee passes when agree / voting ≥ the round's share ("đạt khi tỷ lệ đồng ý ≥ tỷ lệ
 *       quy định"): exactly at the boundary passes. The share is a fraction, compared in whole numbers
 *       (agree × denominator ≥ numerator × voting), so 2 of 3 reach 2/3 exactly.</li>
 *   <li>Absent members count neither for nor against: they only lower the number voting.</li>
 * </ul>
 *
 * <h2>Worked example</h2>
 * Share 2/3, quorum 3, five members eligible.
 * <pre>
 *   4 vote: 3 agree, 1 disagree   → 3 × 3 = 9 ≥ 2 × 4 = 8   → PASSED
 *   3 vote: 2 agree, 1 disagree   → 2 × 3 = 6 ≥ 2 × 3 = 6   → PASSED (at the boundary)
 *   5 vote: 3 agree, 2 disagree   → 3 × 3 = 9 &lt; 2 × 5 = 10 → FAILED
 *   2 vote: 2 agree               → 2 &lt; quorum 3           → NO_QUORUM
 * </pre>
 */
final class BallotCount {

    private static final Pattern FRACTION = Pattern.compile("(\\d{1,5})\\s*/\\s*(\\d{1,5})");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(?:[.,]\\d{1,4})?");
    /** The largest quorum a round may ask for. */
    static final int MAX_QUORUM = 100;

    private BallotCount() {}

    /** What the council's vote says about a nominee. */
    enum Outcome {
        /** Đạt — the share of agreeing votes reaches the round's share, with the quorum voting. */
        PASSED,
        /** Không đạt — the share is not reached, with the quorum voting. */
        FAILED,
        /** Không đủ số thành viên, chưa thể kết luận — fewer members voted than the quorum. */
        NO_QUORUM
    }

    /**
     * A share of the votes, as the fraction {@code numerator / denominator} in (0, 1]: a fraction in lowest terms, or
     * a decimal as ten-thousandths (so that it reads back as the decimal it was written as).
     */
    record Share(int numerator, int denominator) {

        private static final int DECIMAL_DENOMINATOR = 10_000;

        Share {
            if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
                throw new IllegalArgumentException("a share lies in (0, 1]: " + numerator + "/" + denominator);
            }
        }

        /**
         * Reads "2/3", "0.5", "0,75" or "1"; null when the text is none of these or lies outside (0, 1]. A decimal
         * keeps at most 4 places (a third is written as the fraction).
         */
        static Share parse(String text) {
            if (text == null) {
                return null;
            }
            String t = text.trim();
            Matcher f = FRACTION.matcher(t);
            if (f.matches()) {
                int n = Integer.parseInt(f.group(1));
                int d = Integer.parseInt(f.group(2));
                if (n <= 0 || d <= 0 || n > d) {
                    return null;
                }
                int g = BigInteger.valueOf(n).gcd(BigInteger.valueOf(d)).intValue();
                return new Share(n / g, d / g);
            }
            if (DECIMAL.matcher(t).matches()) {
                BigDecimal v = new BigDecimal(t.replace(',', '.'));
                if (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0) {
                    return null;
                }
                return new Share(v.movePointRight(4).intValueExact(), DECIMAL_DENOMINATOR);
            }
            return null;
        }

        /** True when {@code agree} of {@code voting} reach this share (at the boundary too). */
        boolean reachedBy(int agree, int voting) {
            return voting > 0 && (long) agree * denominator >= (long) numerator * voting;
        }

        /** "2/3" for a fraction, "0.5" for a decimal. */
        @Override
        public String toString() {
            return denominator == DECIMAL_DENOMINATOR
                    ? BigDecimal.valueOf(numerator, 4).stripTrailingZeros().toPlainString()
                    : numerator + "/" + denominator;
        }
    }

    /** The votes on one nominee: members eligible, and the agreeing and disagreeing votes cast. */
    record Tally(int eligible, int agree, int disagree) {

        int voting() {
            return agree + disagree;
        }

        int notVoted() {
            return Math.max(0, eligible - voting());
        }
    }

    /** The outcome of a nominee's tally under a share and a quorum (see the class comment). */
    static Outcome outcome(Tally tally, Share share, int quorum) {
        if (tally.voting() < quorum || tally.voting() == 0) {
            return Outcome.NO_QUORUM;
        }
        return share.reachedBy(tally.agree(), tally.voting()) ? Outcome.PASSED : Outcome.FAILED;
    }
}
