package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BusinessClockTests {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final Instant DECISION_DAY = Instant.parse("2023-09-20T02:30:00Z");
    private static final Instant REGISTRATION_DAY = Instant.parse("2023-03-10T02:30:00Z");

    private final BusinessClock clock = new BusinessClock(Clock.fixed(NOW, Fmt.ZONE));

    @Test
    void readsTheRecordedDateOnlyInsideTheStepAndOnlyOnItsThread() throws Exception {
        // when a step runs at a past date
        Instant other = clock.at(
                DECISION_DAY,
                () -> CompletableFuture.supplyAsync(clock::instant).join());
        LocalDate inside = clock.at(DECISION_DAY, () -> LocalDate.now(clock));

        // then the step sees its date, another thread meanwhile and the caller afterwards see the real time
        assertThat(inside).isEqualTo(LocalDate.of(2023, 9, 20));
        assertThat(other).isEqualTo(NOW);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void anInnerStepRestoresTheOuterDateAndAFailingStepRestoresTheRealTime() {
        // when a step nests another, and then a step fails
        Instant afterInner = clock.at(REGISTRATION_DAY, () -> {
            clock.at(DECISION_DAY, clock::instant);
            return clock.instant();
        });
        try {
            clock.at(DECISION_DAY, () -> {
                throw new IllegalStateException("refused");
            });
        } catch (IllegalStateException expected) {
            // the step's own failure
        }

        // then the outer step's date is back after the inner one, and the real time after the failure
        assertThat(afterInner).isEqualTo(REGISTRATION_DAY);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void keepsRecordingInAnotherZone() {
        // given the clock seen in UTC
        Clock utc = clock.withZone(ZoneOffset.UTC);

        // then it reads the same recorded instant, in its own zone
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.at(DECISION_DAY, utc::instant)).isEqualTo(DECISION_DAY);
        assertThat(clock.withZone(Fmt.ZONE)).isSameAs(clock);
    }
}
