package vn.dvk.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvk.recognition.criteria.CriteriaPoints;
import vn.dvk.recognition.criteria.CriteriaPoints.Criterion;
import vn.dvk.recognition.round.CouncilScoring;
import vn.dvk.recognition.round.CouncilScoring.Basis;
import vn.dvk.recognition.round.CouncilScoring.Result;
import vn.dvk.recognition.round.CouncilScoring.Sheet;

class CouncilScoringTests {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static Sheet sheet(long proposal, String scorer, String total) {
        return new Sheet(proposal, scorer, d(total));
    }

    private static Result of(List<Result> results, long proposal) {
        return results.stream()
                .filter(r -> r.proposalId() == proposal)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aTotalIsTheWeightedSumOfThePointsClampedToEachCriterionsRange() {
        // given TK (max 20, weight 1.5), HQ (max 25, no weight = 1) and NR (max 15, weight 0.5)
        List<Criterion> criteria = List.of(
                new Criterion("TK", d("20"), d("1.5")),
                new Criterion("HQ", d("25"), null),
                new Criterion("NR", d("15"), d("0.5")));

        // when a sheet gives 18, 30 (above the maximum) and -4 (below zero)
        BigDecimal total = CriteriaPoints.total(criteria, Map.of("TK", d("18"), "HQ", d("30"), "NR", d("-4")));

        // then 18 × 1.5 + 25 × 1 + 0 × 0.5 = 52
        assertThat(total).isEqualByComparingTo("52");
        // and a criterion left out counts 0, and the highest total is 20 × 1.5 + 25 + 15 × 0.5 = 62.5
        assertThat(CriteriaPoints.total(criteria, Map.of("HQ", d("10")))).isEqualByComparingTo("10");
        assertThat(CriteriaPoints.maxTotal(criteria)).isEqualByComparingTo("62.5");
        assertThat(CriteriaPoints.clamp(d("20.01"), d("20"))).isEqualByComparingTo("20");
        assertThat(CriteriaPoints.clamp(null, d("20"))).isEqualByComparingTo("0");
    }

    @Test
    void theWorkedExampleOfTheJavadocNormalisesAHarshAndALenientMember() {
        // given the class comment's example: H scores P1 = 60, P2 = 70; L scores P2 = 90, P3 = 80; threshold 70
        List<Sheet> sheets =
                List.of(sheet(1, "H", "60"), sheet(2, "H", "70"), sheet(2, "L", "90"), sheet(3, "L", "80"));

        // when the results are computed on the normalised mean
        List<Result> r = CouncilScoring.results(List.of(1L, 2L, 3L), sheets, d("70"), Basis.NORMALISED);

        // then the means are 60, 80, 80 and the normalised means 63.82, 86.18, 63.82
        assertThat(of(r, 1).mean()).isEqualByComparingTo("60");
        assertThat(of(r, 2).mean()).isEqualByComparingTo("80");
        assertThat(of(r, 3).mean()).isEqualByComparingTo("80");
        assertThat(of(r, 1).normalisedMean()).isEqualByComparingTo("63.82");
        assertThat(of(r, 2).normalisedMean()).isEqualByComparingTo("86.18");
        assertThat(of(r, 3).normalisedMean()).isEqualByComparingTo("63.82");
        // and P2 ranks first, P1 and P3 share the second place; only P2 passes
        assertThat(r).extracting(Result::proposalId).containsExactly(2L, 1L, 3L);
        assertThat(r).extracting(Result::rank).containsExactly(1, 2, 2);
        assertThat(r).extracting(Result::passed).containsExactly(true, false, false);
    }

    @Test
    void onTheMeanTiesShareARankAndTheNextRankIsSkipped() {
        // given the same sheets ranked on the plain mean
        List<Sheet> sheets =
                List.of(sheet(1, "H", "60"), sheet(2, "H", "70"), sheet(2, "L", "90"), sheet(3, "L", "80"));

        // when ranked by the mean
        List<Result> r = CouncilScoring.results(List.of(1L, 2L, 3L), sheets, d("70"), Basis.MEAN);

        // then P2 and P3 tie at 80 (rank 1, 1) and P1 is third, not second; both at 80 pass
        assertThat(r).extracting(Result::proposalId).containsExactly(2L, 3L, 1L);
        assertThat(r).extracting(Result::rank).containsExactly(1, 1, 3);
        assertThat(r).extracting(Result::passed).containsExactly(true, true, false);
    }

    @Test
    void aScorerWithOneSheetOrTheSameTotalEverywhereEntersTheNormalisedMeanUnchanged() {
        // given S scores P1 = 50 and P2 = 90; A scores only P1 = 70; B scores P1 = 75 and P2 = 75 (sd 0)
        List<Sheet> sheets = List.of(
                sheet(1, "S", "50"),
                sheet(2, "S", "90"),
                sheet(1, "A", "70"),
                sheet(1, "B", "75"),
                sheet(2, "B", "75"));

        // when normalised
        List<Result> r = CouncilScoring.results(List.of(1L, 2L), sheets, d("60"), Basis.NORMALISED);

        // then overall mean 72, sd √(484+324+4+9+9)/5 = √166 = 12.884; S: z = −1, +1 → 59.116, 84.884;
        // A and B count as given: P1 = (59.116 + 70 + 75) / 3 = 68.04, P2 = (84.884 + 75) / 2 = 79.94
        assertThat(of(r, 1).normalisedMean()).isEqualByComparingTo("68.04");
        assertThat(of(r, 2).normalisedMean()).isEqualByComparingTo("79.94");
        assertThat(of(r, 1).mean()).isEqualByComparingTo("65");
    }

    @Test
    void aProposalWithoutCountedSheetsIsNeitherRankedNorPassed() {
        // given two proposals, only the second scored
        List<Result> r =
                CouncilScoring.results(List.of(1L, 2L), List.of(sheet(2, "H", "95")), d("70"), Basis.NORMALISED);

        // then the scored one ranks first and passes (one sheet: unchanged), the other comes last unranked
        assertThat(r).extracting(Result::proposalId).containsExactly(2L, 1L);
        assertThat(of(r, 2).rank()).isEqualTo(1);
        assertThat(of(r, 2).normalisedMean()).isEqualByComparingTo("95");
        assertThat(of(r, 1).rank()).isNull();
        assertThat(of(r, 1).passed()).isFalse();
        assertThat(of(r, 1).mean()).isNull();
    }

    @Test
    void aValueExactlyAtTheThresholdPasses() {
        List<Result> r = CouncilScoring.results(List.of(1L), List.of(sheet(1, "H", "70")), d("70"), Basis.MEAN);
        assertThat(r.get(0).passed()).isTrue();
    }
}
