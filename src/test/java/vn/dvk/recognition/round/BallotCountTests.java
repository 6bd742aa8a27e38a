package vn.dvk.recognition.round;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dvk.recognition.round.BallotCount.Outcome;
import vn.dvk.recognition.round.BallotCount.Share;
import vn.dvk.recognition.round.BallotCount.Tally;

/** The count of a secret ballot: the share at its boundary, absent members, a lost quorum; reading a share. */
class BallotCountTests {

    private static final Share TWO_THIRDS = Share.parse("2/3");

    @Test
    void exactlyTheShareIsEnoughAndOneVoteLessIsNot() {
        // given a share of 2/3 and a quorum of 3

        // when 2 of 3 voting agree (exactly 2/3), 3 of 4 (above), 3 of 5 (below)
        // then the boundary passes, above passes, below fails
        assertThat(BallotCount.outcome(new Tally(3, 2, 1), TWO_THIRDS, 3)).isEqualTo(Outcome.PASSED);
        assertThat(BallotCount.outcome(new Tally(5, 3, 1), TWO_THIRDS, 3)).isEqualTo(Outcome.PASSED);
        assertThat(BallotCount.outcome(new Tally(5, 3, 2), TWO_THIRDS, 3)).isEqualTo(Outcome.FAILED);
        // and a half is reached by 2 of 4 but not by 2 of 5
        assertThat(BallotCount.outcome(new Tally(4, 2, 2), Share.parse("0.5"), 1))
                .isEqualTo(Outcome.PASSED);
        assertThat(BallotCount.outcome(new Tally(5, 2, 3), Share.parse("0,5"), 1))
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void absentMembersOnlyLowerTheNumberVotingAndTooFewVotingGiveNoConclusion() {
        // given five members eligible, share 2/3, quorum 3
        Tally threeOfFiveVoted = new Tally(5, 2, 1);
        Tally twoOfFiveVoted = new Tally(5, 2, 0);

        // then two absent members do not count against: 2 of the 3 voting pass
        assertThat(threeOfFiveVoted.notVoted()).isEqualTo(2);
        assertThat(BallotCount.outcome(threeOfFiveVoted, TWO_THIRDS, 3)).isEqualTo(Outcome.PASSED);
        // and with two voting, even both agreeing, there is no conclusion; nobody voting neither
        assertThat(BallotCount.outcome(twoOfFiveVoted, TWO_THIRDS, 3)).isEqualTo(Outcome.NO_QUORUM);
        assertThat(BallotCount.outcome(new Tally(5, 0, 0), TWO_THIRDS, 1)).isEqualTo(Outcome.NO_QUORUM);
    }

    @Test
    void aShareIsAFractionOrADecimalInZeroToOne() {
        // when shares are read
        // then fractions are kept exactly, in lowest terms, and decimals as the decimals they are
        assertThat(Share.parse("2/3")).isEqualTo(new Share(2, 3));
        assertThat(Share.parse(" 4 / 6 ").toString()).isEqualTo("2/3");
        assertThat(Share.parse("0.75").toString()).isEqualTo("0.75");
        assertThat(Share.parse("0,5").toString()).isEqualTo("0.5");
        assertThat(Share.parse("0.50").reachedBy(1, 2)).isTrue();
        assertThat(Share.parse("1").toString()).isEqualTo("1");
        assertThat(Share.parse("1/1").reachedBy(3, 3)).isTrue();
        assertThat(Share.parse("0.6667").reachedBy(2, 3)).isFalse(); // why 2/3 is written as a fraction
        // and nothing outside (0, 1], nor anything else, is a share
        for (String bad : new String[] {null, "", "0", "0/3", "3/2", "1.5", "-0.5", "2/0", "abc", "0.12345", "66%"}) {
            assertThat(Share.parse(bad)).as(bad).isNull();
        }
    }
}
