package vn.dvk.recognition.round;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.Problems;

/** The public comment windows of rounds ({@code recognition_comment_window}), read by comments and decisions. */
@Component
public class CommentWindows {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CommentWindows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The window of a round, if one was opened. */
    Optional<PublicComments.Window> of(Long roundId) {
        if (roundId == null) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select opens_on, closes_on from recognition_comment_window where round_id = ?",
                        (rs, i) -> new PublicComments.Window(
                                roundId, rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)),
                        roundId)
                .stream()
                .findFirst();
    }

    /** The window of a round when it is open today (Vietnam time). */
    Optional<PublicComments.Window> openOf(Long roundId) {
        LocalDate today = today();
        return of(roundId).filter(w -> !today.isBefore(w.opens()) && !today.isAfter(w.closes()));
    }

    /**
     * Refuses (409 naming {@code overrideReason}) a decision on a proposal of a round whose window is open, unless a
     * reason to override it is given; returns that reason (trimmed) or null when no window is open.
     */
    public String requireClosed(Long roundId, String overrideReason) {
        Optional<PublicComments.Window> open = openOf(roundId);
        if (open.isEmpty()) {
            return null;
        }
        if (overrideReason == null || overrideReason.isBlank()) {
            throw Problems.Conflict.onField(
                    "overrideReason",
                    "publicComment.stillOpen",
                    new Fmt().date(open.get().closes()));
        }
        return overrideReason.strip();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Fmt.ZONE));
    }
}
