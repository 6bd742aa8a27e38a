package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/** The session store's wrapper, over an in-memory repository that counts its reads. */
class CoarseLastAccessSessionsTests {

    private final Map<String, Session> stored = new HashMap<>();
    private final MapSessionRepository memory = new MapSessionRepository(stored);
    private final AtomicInteger reads = new AtomicInteger();
    private final CoarseLastAccessSessions sessions = new CoarseLastAccessSessions(new Counting());

    @Test
    void aRequestReadsItsSessionOnce() throws Exception {
        String id = saved();
        reads.set(0);
        CoarseLastAccessSessions.inRequest(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            assertThat(sessions.findById(id)).isNotNull();
        });
        assertThat(reads).as("within a request").hasValue(1);

        sessions.findById(id);
        sessions.findById(id);
        assertThat(reads).as("outside a request, every call reads").hasValue(3);
    }

    @Test
    void aSessionDeletedDuringTheRequestIsGoneForItsRest() throws Exception {
        String id = saved();
        CoarseLastAccessSessions.inRequest(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
        });
    }

    @Test
    void aChangedIdIsNotFoundUnderTheOldOne() throws Exception {
        String id = saved();
        CoarseLastAccessSessions.inRequest(() -> {
            CoarseLastAccessSessions.Coarse s = sessions.findById(id);
            String changed = s.changeSessionId();
            sessions.save(s);
            assertThat(sessions.findById(id)).isNull();
            assertThat(sessions.findById(changed)).isSameAs(s);
        });
    }

    @Test
    void theLastAccessTimeMovesByStepsOfAMinuteAtMostATenthOfTheIdleTimeout() {
        CoarseLastAccessSessions.Coarse s = sessions.createSession();
        s.setMaxInactiveInterval(Duration.ofMinutes(30));
        Instant t0 = s.getLastAccessedTime();
        s.setLastAccessedTime(t0.plusSeconds(59));
        assertThat(s.getLastAccessedTime()).isEqualTo(t0);
        s.setLastAccessedTime(t0.plusSeconds(61));
        assertThat(s.getLastAccessedTime()).isEqualTo(t0.plusSeconds(61));

        assertThat(CoarseLastAccessSessions.resolution(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(CoarseLastAccessSessions.resolution(Duration.ofHours(8))).isEqualTo(Duration.ofMinutes(1));
        assertThat(CoarseLastAccessSessions.resolution(Duration.ofSeconds(-1))).isEqualTo(Duration.ofMinutes(1));
    }

    private String saved() {
        CoarseLastAccessSessions.Coarse s = sessions.createSession();
        s.setAttribute("a", "b");
        sessions.save(s);
        return s.getId();
    }

    /** The in-memory repository, counting the reads by id. */
    private final class Counting implements FindByIndexNameSessionRepository<MapSession> {

        @Override
        public MapSession createSession() {
            return memory.createSession();
        }

        @Override
        public void save(MapSession session) {
            memory.save(session);
        }

        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return memory.findById(id);
        }

        @Override
        public void deleteById(String id) {
            memory.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
