package vn.dvk.recognition.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The default length of a public comment window: working days, Monday to Friday. */
class PublicCommentWindowTests {

    @Test
    void tenWorkingDaysFromAFridaySkipTwoWeekends() {
        // given a window opened on Friday 4 December 2026
        LocalDate friday = LocalDate.of(2026, 12, 4);

        // when it lasts 10 working days
        LocalDate closes = PublicComments.workingDaysAfter(friday, 10);

        // then it closes on Friday 18 December, two weekends later
        assertThat(closes).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(PublicComments.workingDaysAfter(LocalDate.of(2026, 12, 5), 1))
                .isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
