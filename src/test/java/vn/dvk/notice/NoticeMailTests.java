package vn.dvk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.dvk.account.Accounts;
import vn.dvk.account.CurrentUser;
import vn.dvk.model.AppraisalDecision;
import vn.dvk.model.ModelRegistry;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * Notices end to end with a real SMTP server (GreenMail) on a port of this test: an appraisal e-mailed to the right
 * people with the comment and a link, in their language; nothing for a change rolled back; in-app only without an
 * address; a server down and back delivers each message once; a user disabled after queueing is skipped; two senders
 * racing deliver once. The scheduled passes are off ({@code send-delay} of a day): the test runs the sender itself.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=127.0.0.1",
            "dvk.notice.send-delay=PT24H",
            "dvk.notice.digest-cron=-",
            "dvk.public-url=https://dvk.example.vn"
        })
class NoticeMailTests extends IntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = start();

    @Autowired
    OutboxSender sender;

    @Autowired
    Notices notices;

    @Autowired
    Accounts accounts;

    @Autowired
    ModelRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private World w;
    private Api api;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @BeforeEach
    void world() {
        if (!smtp.isRunning()) {
            smtp = start();
        }
        w = new World(api());
        api = w.api;
    }

    @Test
    void anAppraisalIsMailedToTheModelsPeopleWithTheCommentAndALinkInTheirLanguage() throws Exception {
        // given the model's author with an address, and a second reporter of the unit who reads English
        String author = user("tacgia", w.communeA, "REPORTER", Api.unique("tacgia") + "@xa-a.example.vn");
        String colleague = user("dongnghiep", w.communeA, "REPORTER", Api.unique("colleague") + "@xa-a.example.vn");
        notices.savePreferences(
                actor(colleague), new Notices.Preferences("en", false, EnumSet.noneOf(NoticeKind.class)));
        long id = submitted(author, "Dân vận khéo <b>trong</b> xây dựng nông thôn mới");

        // when the district board asks for changes with a comment that tries to add a header
        assertThat(w.appraise("appraiserD", id, "REQUEST_CHANGES", "Bổ sung số liệu\r\nBcc: ke-xau@evil.example")
                        .status())
                .isEqualTo(200);
        int sent = sender.deliver();

        // then each of them gets one message, the author's in Vietnamese, the colleague's in English
        assertThat(sent).isGreaterThanOrEqualTo(2);
        MimeMessage vi = only(email(author));
        MimeMessage en = only(email(colleague));
        assertThat(vi.getSubject())
                .isEqualTo("[DVK] Mô hình “Dân vận khéo <b>trong</b> xây dựng nông thôn mới”"
                        + " cần điều chỉnh theo góp ý thẩm định");
        assertThat(en.getSubject())
                .startsWith("[DVK] Model “Dân vận khéo")
                .endsWith("needs changes requested by the appraisal");
        // and the comment and an absolute link to the model are in the plain and the HTML part, markup escaped
        assertThat(vi.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) vi.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        String plain = GreenMailUtil.getBody(parts.getBodyPart(0));
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(0).getContent())
                .contains("Bổ sung số liệu")
                .contains("https://dvk.example.vn/models/" + id);
        assertThat(html)
                .contains("href=\"https://dvk.example.vn/models/" + id + "\"")
                .contains("&lt;b&gt;trong&lt;/b&gt;")
                .doesNotContain("<b>trong</b>");
        assertThat(plain).isNotBlank();
        // and the comment's line break added no header: the message has one recipient and no Bcc
        assertThat(vi.getHeader("Bcc")).isNull();
        assertThat(Arrays.stream(vi.getAllRecipients()).map(Address::toString))
                .hasSize(1)
                .allMatch(a -> a.contains(email(author)));
        assertThat(smtp.getReceivedMessagesForDomain("evil.example")).isEmpty();
        // and the appraiser, who did it, is not told
        assertThat(noticeCount(w.username("appraiserD"))).isZero();
    }

    @Test
    void aUserWithoutAnAddressGetsTheNoticeInTheAppOnly() {
        // given a reporter without an e-mail address
        String reporter = user("khongthu", w.communeB, "REPORTER", null);
        long id = submitted(reporter, "Mô hình không có thư");

        // when the model is accepted
        w.appraise("appraiserD", id, "ACCEPT", null);

        // then the reporter has the notice in the app, and nothing is queued for e-mail
        assertThat(noticeCount(reporter)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_outbox o join notice_notice n on n.id = o.notice_id"
                                + " where n.user_id = ?",
                        Integer.class,
                        userId(reporter)))
                .isZero();
        JsonNode list =
                api.get("/api/v1/notifications", api.token(reporter, PASSWORD)).json();
        assertThat(list.get("content").get(0).get("kind").asString()).isEqualTo("APPRAISED");
        assertThat(list.get("content").get(0).get("outcome").asString()).isEqualTo("ACCEPT");
        assertThat(list.get("content").get(0).get("link").asString()).isEqualTo("/models/" + id);
    }

    @Test
    void aChangeRolledBackLeavesNoNoticeAndSendsNothing() {
        // given a submitted model whose author has an address
        String author = user("hoantac", w.communeA, "REPORTER", Api.unique("rollback") + "@xa-a.example.vn");
        long id = submitted(author, "Mô hình bị hoàn tác");
        CurrentUser appraiser = actor(w.username("appraiserD"));

        // when the appraisal is made in a transaction that rolls back after it
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            registry.appraise(appraiser, id, AppraisalDecision.ACCEPT, "Ghi nhận");
            assertThat(noticeCount(author)).isEqualTo(1); // written in the same transaction
            status.setRollbackOnly();
        });
        sender.deliver();

        // then there is no notice, no outbox row and no message
        assertThat(noticeCount(author)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from notice_outbox where user_id = ?", Integer.class, userId(author)))
                .isZero();
        assertThat(messagesTo(email(author))).isEmpty();
        assertThat(api.get("/api/v1/models/" + id, w.token("appraiserD"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void whenTheServerIsDownTheMessagesWaitAndAreDeliveredOnceWhenItIsBack() throws Exception {
        // given two appraisals queued while the mail server is down
        String author = user("maychu", w.communeA, "REPORTER", Api.unique("down") + "@xa-a.example.vn");
        long first = submitted(author, "Mô hình thứ nhất");
        long second = submitted(author, "Mô hình thứ hai");
        smtp.stop();
        w.appraise("appraiserD", first, "ACCEPT", null);
        w.appraise("appraiserD", second, "REJECT", "Không đạt tiêu chí");

        // when the sender runs
        Instant before = Instant.now();
        assertThat(sender.deliver()).isZero();

        // then both wait with one attempt, the error and a later attempt time; a pass before that time sends nothing
        List<Map<String, Object>> rows = outbox(author);
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("PENDING");
            assertThat(((Number) r.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) r.get("last_error")).isNotBlank();
            assertThat(instant(r.get("next_attempt_at"))).isAfter(before);
        });
        assertThat(sender.deliver()).isZero();

        // when the server is back and the wait has passed
        smtp = start();
        jdbc.update(
                "update notice_outbox set next_attempt_at = ? where user_id = ? and status = 'PENDING'",
                Timestamp.from(Instant.now().minusSeconds(1)),
                userId(author));
        sender.deliver();
        sender.deliver();

        // then each message arrives exactly once, and the rows say so
        assertThat(messagesTo(email(author)))
                .hasSize(2)
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "[DVK] Mô hình “Mô hình thứ nhất” đã được thẩm định: ghi nhận",
                        "[DVK] Mô hình “Mô hình thứ hai” đã được thẩm định: không ghi nhận");
        assertThat(outbox(author)).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("SENT");
            assertThat(((Number) r.get("attempts")).intValue()).isEqualTo(2);
            assertThat(r.get("sent_at")).isNotNull();
        });
    }

    @Test
    void aUserDisabledAfterTheMessageWasQueuedIsNotMailed() {
        // given an appraisal queued for a reporter
        String author = user("bikhoa", w.communeB, "REPORTER", Api.unique("disabled") + "@xa-b.example.vn");
        long id = submitted(author, "Mô hình của người bị khóa");
        w.appraise("appraiserD", id, "ACCEPT", null);
        assertThat(outbox(author))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("PENDING"));

        // when an administrator disables the user before the sender runs
        assertThat(api.post("/api/v1/users/" + userId(author) + "/disable", null, w.adminToken)
                        .status())
                .isEqualTo(204);
        sender.deliver();

        // then nothing is sent and the row is marked skipped
        assertThat(messagesTo(email(author))).isEmpty();
        assertThat(outbox(author)).singleElement().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("SKIPPED");
            assertThat((String) r.get("last_error")).contains("disabled");
        });
    }

    @Test
    void twoSendersRacingDeliverEachMessageOnce() throws Exception {
        // given six messages queued (three models, two reporters each)
        String a = user("duaa", w.communeA, "REPORTER", Api.unique("racea") + "@xa-a.example.vn");
        String b = user("duab", w.communeA, "REPORTER", Api.unique("raceb") + "@xa-a.example.vn");
        for (int i = 0; i < 3; i++) {
            w.appraise("appraiserD", submitted(a, "Mô hình đua " + i), "ACCEPT", null);
        }

        // when two senders (own connections, like two nodes) run at the same moment
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return sender.deliver();
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> run : runs) {
            total += run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        total += sender.deliver(); // whatever a pass left for later (none is expected)

        // then each of the six messages arrived once
        assertThat(messagesTo(email(a))).hasSize(3);
        assertThat(messagesTo(email(b))).hasSize(3);
        assertThat(outbox(a))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
        assertThat(outbox(b))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
        assertThat(total).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aUserWhoChoseTheDigestGetsOneMessageADayAndKindsSwitchedOffAreNotMailed() throws Exception {
        // given a reporter who wants one digest a day, and one who switched appraisals off
        String digest = user("tonghop", w.communeA, "REPORTER", Api.unique("digest") + "@xa-a.example.vn");
        String muted = user("tatthu", w.communeA, "REPORTER", Api.unique("muted") + "@xa-a.example.vn");
        notices.savePreferences(actor(digest), new Notices.Preferences("vi", true, EnumSet.noneOf(NoticeKind.class)));
        notices.savePreferences(actor(muted), new Notices.Preferences("vi", false, EnumSet.of(NoticeKind.APPRAISED)));

        // when two models are appraised and the sender runs
        w.appraise("appraiserD", submitted(digest, "Mô hình gộp một"), "ACCEPT", null);
        w.appraise("appraiserD", submitted(digest, "Mô hình gộp hai"), "REQUEST_CHANGES", "Bổ sung");
        sender.deliver();

        // then the digest reader gets nothing yet, and the one who switched appraisals off gets only the other kind
        assertThat(messagesTo(email(digest))).isEmpty();
        assertThat(messagesTo(email(muted)))
                .extracting(MimeMessage::getSubject)
                .containsExactly("[DVK] Mô hình “Mô hình gộp hai” cần điều chỉnh theo góp ý thẩm định");
        assertThat(noticeCount(muted)).isEqualTo(2); // both are in the app

        // when the digest job runs
        sender.deliverDigests();

        // then one message lists both
        MimeMessage daily = only(email(digest));
        assertThat(daily.getSubject()).isEqualTo("[DVK] Tổng hợp 2 thông báo trong ngày");
        String plain =
                (String) ((MimeMultipart) daily.getContent()).getBodyPart(0).getContent();
        assertThat(plain)
                .contains("Mô hình gộp một")
                .contains("Mô hình gộp hai")
                .contains("Bổ sung");
        assertThat(outbox(digest))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SENT"));
    }

    @Test
    void aSubjectNeverCarriesALineBreak() {
        assertThat(NoticeMail.headerSafe("Mô hình\r\nBcc: x@evil.example\u2028hết", 200))
                .isEqualTo("Mô hình Bcc: x@evil.example hết");
        assertThat(NoticeMail.headerSafe("x".repeat(300), 200)).hasSize(200).endsWith("…");
    }

    // --- helpers

    private final Map<String, String> emails = new LinkedHashMap<>();

    private String user(String key, String unit, String role, String email) {
        String username = Api.unique(key);
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "fullName",
                "Cán bộ " + key,
                "unitCode",
                unit,
                "roles",
                List.of(role)));
        if (email != null) {
            body.put("email", email);
            emails.put(username, email);
        }
        Api.Res r = api.post("/api/v1/users", body, w.adminToken);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("email").isNull() ? null : r.json().get("email").asString())
                .isEqualTo(email);
        return username;
    }

    private String email(String username) {
        return emails.get(username);
    }

    private long submitted(String reporter, String title) {
        String token = api.token(reporter, PASSWORD);
        String unit = api.get("/api/v1/users/me", token).json().get("unitCode").asString();
        Api.Res r = api.post("/api/v1/models", World.registration(title, unit, "DISTRICT", "ECONOMY"), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(api.post("/api/v1/models/" + id + "/submit", null, token).status())
                .isEqualTo(200);
        return id;
    }

    private CurrentUser actor(String username) {
        return accounts.byToken(api.token(username, PASSWORD)).orElseThrow();
    }

    private Long userId(String username) {
        return jdbc.queryForObject("select id from account_user where username = ?", Long.class, username);
    }

    private int noticeCount(String username) {
        return jdbc.queryForObject(
                "select count(*) from notice_notice n join account_user u on u.id = n.user_id"
                        + " where u.username = ?",
                Integer.class,
                username);
    }

    private List<Map<String, Object>> outbox(String username) {
        return jdbc.queryForList(
                "select status, attempts, last_error, next_attempt_at, sent_at from notice_outbox"
                        + " where user_id = ? order by id",
                userId(username));
    }

    /** A timestamp column as JDBC gives it (H2: OffsetDateTime, PostgreSQL: Timestamp). */
    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static MimeMessage only(String address) {
        List<MimeMessage> found = messagesTo(address);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
