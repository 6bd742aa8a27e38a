package vn.dvk.shared;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids that must be unique but need not be secret: a request's id for the logs, the key a form carries against
 * being sent twice (kept per signed-in user). {@link UUID#randomUUID()} draws from one {@code SecureRandom} shared by
 * the whole JVM, whose {@code NativePRNG} reads {@code /dev/urandom} under a lock: under 64 clients the Flight
 * Recorder saw requests wait there 70 ms on average (docs/PERFORMANCE.md, ninth round). These draw 122 random bits from
 * the thread's own generator instead, in a version 4 UUID's layout. Never use them for tokens, passwords or anything
 * an attacker must not guess.
 */
public final class RandomIds {

    private RandomIds() {}

    /** A new random id in the form {@code xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx}. */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
