package vn.dvk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address in a sliding window; past the limit, further
 * attempts are refused until the oldest failure leaves the window. Shared by the sign-in page and the API.
 * The counts live in this node's memory (bounded); several nodes each keep their own.
 */
@Component
class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;

    LoginThrottle(Clock clock,
                  @Value("${dvk.security.login.max-failures-per-user:5}") int maxPerUser,
                  @Value("${dvk.security.login.max-failures-per-address:30}") int maxPerAddress,
                  @Value("${dvk.security.login.window:PT15M}") Duration window) {
        this.clock = clock;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** Seconds the caller must wait, or 0 when a sign-in may be tried now. */
    long retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait(userKey(username), maxPerUser, now), wait(addressKey(address), maxPerAddress, now));
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        Instant now = clock.instant();
        add(userKey(username), now);
        add(addressKey(address), now);
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void add(String key, Instant now) {
        failures.compute(key, (k, q) -> {
            Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
            prune(d, now);
            d.addLast(now);
            return d;
        });
    }

    private long wait(String key, int max, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            prune(d, now);
            if (d.size() < max) {
                return 0;
            }
            Instant freeAt = d.peekFirst().plus(window);
            return Math.max(1, Duration.between(now, freeAt).toSeconds() + 1);
        }
    }

    private void prune(Deque<Instant> d, Instant now) {
        synchronized (d) {
            while (!d.isEmpty() && !d.peekFirst().isAfter(now.minus(window))) {
                d.removeFirst();
            }
        }
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
