package vn.dvk.account;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository writes the session row on every request, only to move its last access time (an
 * {@code UPDATE} and a commit per page). This repository wraps it and moves the last access time only once it is
 * {@link #resolution(Duration) a minute} (at most a tenth of the idle timeout) older than the request's: a page
 * session then writes its row about once a minute, and ends between 29 and 30 minutes of inactivity instead of at 30.
 * Attributes, a new session and a changed id are written as before.
 * <p>
 * Within a request ({@link #inRequest}) a session is read from the database once: Spring Session's filter reads it
 * again when a page was sent before the request ended (its second commit asks for the requested session anew).
 */
final class CoarseLastAccessSessions implements FindByIndexNameSessionRepository<CoarseLastAccessSessions.Coarse> {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    /** The sessions read or saved by the current request, by id; null outside a request. */
    private static final ThreadLocal<Map<String, Coarse>> REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> delegate;

    @SuppressWarnings("unchecked")
    CoarseLastAccessSessions(FindByIndexNameSessionRepository<? extends Session> delegate) {
        this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
    }

    /** How far behind the stored last access time may stay for a session with this idle timeout. */
    static Duration resolution(Duration maxInactive) {
        if (maxInactive.isNegative() || maxInactive.isZero()) {
            return RESOLUTION;
        }
        Duration tenth = maxInactive.dividedBy(10);
        return tenth.compareTo(RESOLUTION) < 0 ? tenth : RESOLUTION;
    }

    @Override
    public Coarse createSession() {
        return new Coarse(delegate.createSession());
    }

    /** Runs one request with its sessions remembered until it ends. */
    static void inRequest(IoRunnable request) throws IOException, ServletException {
        REQUEST.set(new HashMap<>(2));
        try {
            request.run();
        } finally {
            REQUEST.remove();
        }
    }

    interface IoRunnable {
        void run() throws IOException, ServletException;
    }

    @Override
    public void save(Coarse session) {
        delegate.save(session.inner);
        Map<String, Coarse> seen = REQUEST.get();
        if (seen != null) {
            seen.put(session.getId(), session);
        }
    }

    @Override
    public Coarse findById(String id) {
        Map<String, Coarse> seen = REQUEST.get();
        Coarse known = seen == null ? null : seen.get(id);
        if (known != null && known.getId().equals(id)) {
            return known;
        }
        Session s = delegate.findById(id);
        if (s == null) {
            return null;
        }
        Coarse found = new Coarse(s);
        if (seen != null) {
            seen.put(id, found);
        }
        return found;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Coarse> seen = REQUEST.get();
        if (seen != null) {
            seen.values().removeIf(s -> s.getId().equals(id));
            seen.remove(id);
        }
        delegate.deleteById(id);
    }

    @Override
    public Map<String, Coarse> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Coarse> found = new LinkedHashMap<>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new Coarse(s)));
        return found;
    }

    /** A session whose last access time moves only by steps of the resolution; everything else is the stored one's. */
    static final class Coarse implements Session {

        private final Session inner;

        Coarse(Session inner) {
            this.inner = inner;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (time.isAfter(inner.getLastAccessedTime().plus(resolution(inner.getMaxInactiveInterval())))) {
                inner.setLastAccessedTime(time);
            }
        }

        @Override
        public String getId() {
            return inner.getId();
        }

        @Override
        public String changeSessionId() {
            return inner.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return inner.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return inner.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            inner.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            inner.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return inner.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return inner.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            inner.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return inner.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return inner.isExpired();
        }
    }
}
