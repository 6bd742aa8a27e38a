package vn.dvk.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The application's clock: the system's time in Vietnam, except on a thread that is recording past events at their
 * own dates ({@link #at}) — the demo world, built as if each step had happened on its business date, so that a
 * model's timeline, its audit entries and the dates of its reports read as they would have.
 */
public final class BusinessClock extends Clock {

    private final Clock base;
    private final ThreadLocal<Instant> recordedAt = new ThreadLocal<>();

    public BusinessClock(Clock base) {
        this.base = Objects.requireNonNull(base);
    }

    /** Runs {@code work} on this thread with the clock reading {@code at}; other threads keep the real time. */
    public <T> T at(Instant at, Supplier<T> work) {
        Instant outer = recordedAt.get();
        recordedAt.set(Objects.requireNonNull(at));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                recordedAt.remove();
            } else {
                recordedAt.set(outer);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant at = recordedAt.get();
        return at != null ? at : base.instant();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new Zoned(this, zone);
    }

    /** This clock seen in another zone. */
    private static final class Zoned extends Clock {

        private final BusinessClock clock;
        private final ZoneId zone;

        Zoned(BusinessClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
