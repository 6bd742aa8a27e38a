package vn.dvk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.dvk.shared.Actor;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.StubActor;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * The bell's count is read once per request (a page asks for it in its ETag and in its navigation), and a notice read
 * through {@link Notices} in the same request is counted again; without a request every call counts. It counts up to
 * {@link Notices#BELL_CAP}, and the bell says "99+" beyond 99.
 */
class NoticeBellTests extends IntegrationTest {

    @Autowired
    Notices notices;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theBellIsCountedOncePerRequestAndAgainAfterANoticeIsRead() {
        // given a user with one unread notice
        World w = new World(api());
        long user = jdbc.queryForObject(
                "select id from account_user where username = ?", Long.class, w.username("reporterA"));
        long first = notice(user);

        // when a request counts, a notice is written around DVK, and the same request counts again
        newRequest();
        long counted = notices.unreadCount(user);
        notice(user);
        long again = notices.unreadCount(user);
        // then the request keeps its first count (one statement, not two)
        assertThat(counted).isEqualTo(1);
        assertThat(again).isEqualTo(1);

        // when the next request counts, then reads the first notice through DVK and counts again
        newRequest();
        long next = notices.unreadCount(user);
        notices.markRead(actor(user), first);
        long afterRead = notices.unreadCount(user);
        // then it sees both, and after reading one it counts anew
        assertThat(next).isEqualTo(2);
        assertThat(afterRead).isEqualTo(1);

        // and without a request (a job) every call counts
        RequestContextHolder.resetRequestAttributes();
        notice(user);
        assertThat(notices.unreadCount(user)).isEqualTo(2);
        notice(user);
        assertThat(notices.unreadCount(user)).isEqualTo(3);
    }

    @Test
    void theBellCountsUpToItsCapAndShowsNinetyNinePlus() {
        // given a user with 105 unread notices
        World w = new World(api());
        long user = jdbc.queryForObject(
                "select id from account_user where username = ?", Long.class, w.username("reporterA"));
        for (int i = 0; i < 105; i++) {
            notice(user);
        }

        // then the count stops at the cap, and the bell of a page says "99+"
        assertThat(notices.unreadCount(user)).isEqualTo(Notices.BELL_CAP);
        String page = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD)
                .get("/")
                .body();
        assertThat(page).contains("title=\"99+ thông báo chưa đọc\"").contains(">99+</span>");

        // and once all are read, the bell is quiet
        notices.markAllRead(actor(user));
        assertThat(notices.unreadCount(user)).isZero();
    }

    private static void newRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    private long notice(long user) {
        jdbc.update(
                "insert into notice_notice (user_id, kind, subject, created_at) values (?, 'CHANGES_REQUESTED', 'x', ?)",
                user,
                Timestamp.from(Instant.now()));
        return jdbc.queryForObject("select max(id) from notice_notice where user_id = ?", Long.class, user);
    }

    private static Actor actor(long userId) {
        return StubActor.user(userId);
    }
}
