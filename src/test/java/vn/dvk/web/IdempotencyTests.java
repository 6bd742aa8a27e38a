package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dvk.support.Api;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.SecondNode;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * Retries never duplicate: a POST with an {@code Idempotency-Key} creates once, a retry gets the first answer again, a
 * reused key with another body is refused, concurrent duplicates write once, a refusal keeps no key, and page forms
 * carry a key of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTests extends IntegrationTest {

    private static final String KEY = IdempotencyFilter.HEADER;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdempotentRequests kept;

    private World w;

    @BeforeAll
    void world() {
        w = new World(api());
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesNothingMore() {
        // given a registration and a key
        String title = Api.unique("Vận động hiến đất làm đường ");
        Map<String, Object> body = World.registration(title, w.communeA, "DISTRICT", "ECONOMY");
        String key = UUID.randomUUID().toString();

        // when it is sent, then sent again with the same key (a phone that lost the answer)
        Api.Res first = api().post("/api/v1/models", body, w.token("reporterA"), KEY, key);
        Api.Res retry = api().post("/api/v1/models", body, w.token("reporterA"), KEY, key);

        // then both answers are the first one, the retry says so, and one model exists
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isNotNull();
        assertThat(retry.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(first.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(models(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheKeyAndWritesNothing() {
        // given a model created with a key
        String title = Api.unique("Dân vận khéo trong cải cách hành chính ");
        String key = UUID.randomUUID().toString();
        api().post(
                        "/api/v1/models",
                        World.registration(title, w.communeA, "DISTRICT", "ECONOMY"),
                        w.token("reporterA"),
                        KEY,
                        key);

        // when the same key comes with another title
        String other = Api.unique("Một mô hình khác ");
        Api.Res refused = api().post(
                        "/api/v1/models",
                        World.registration(other, w.communeA, "DISTRICT", "ECONOMY"),
                        w.token("reporterA"),
                        KEY,
                        key);

        // then it is a 422 problem naming the key, and the other model was not created
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactly(KEY);
        assertThat(refused.body()).contains("đã được dùng cho một yêu cầu có nội dung khác");
        assertThat(models(other)).isZero();
    }

    @Test
    void concurrentDuplicatesWriteExactlyOnce() throws Exception {
        // given eight copies of one request with one key, sent at once (a form sent again and again on a weak network)
        String title = Api.unique("Trữ nước ngọt mùa khô ");
        Map<String, Object> body = World.registration(title, w.communeB, "DISTRICT", "CULTURE_SOCIETY");
        String key = UUID.randomUUID().toString();
        String token = w.token("reporterB");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Res>> sent = new ArrayList<>();
        try {
            Callable<Api.Res> send = () -> api().post("/api/v1/models", body, token, KEY, key);
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(send));
            }
            List<Api.Res> answers = new ArrayList<>();
            for (Future<Api.Res> f : sent) {
                answers.add(f.get());
            }

            // then one model exists, and every answer is that model's creation or "still being processed, retry"
            assertThat(models(title)).isEqualTo(1);
            long id = jdbc.queryForObject("select id from model_model where title = ?", Long.class, title);
            assertThat(answers).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isIn(201, 409);
                if (r.status() == 201) {
                    assertThat(r.json().get("id").asLong()).isEqualTo(id);
                } else {
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                }
            });
            assertThat(answers).anySatisfy(r -> assertThat(r.status()).isEqualTo(201));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedRequestKeepsNoKeySoTheCorrectedOneGoesThroughWithIt() {
        // given a registration without a title, sent with a key
        String key = UUID.randomUUID().toString();
        Map<String, Object> wrong = World.registration("", w.communeA, "DISTRICT", "ECONOMY");
        Api.Res refused = api().post("/api/v1/models", wrong, w.token("reporterA"), KEY, key);

        // when it is corrected and sent again with the same key
        String title = Api.unique("Mô hình sửa lại ");
        Api.Res corrected = api().post(
                        "/api/v1/models",
                        World.registration(title, w.communeA, "DISTRICT", "ECONOMY"),
                        w.token("reporterA"),
                        KEY,
                        key);

        // then the refusal kept nothing, and the corrected request created the model
        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(models(title)).isEqualTo(1);
    }

    @Test
    void aKeyBelongsToItsCallerAndAMalformedKeyIsRefused() {
        // given one key used by two reporters for their own models
        String key = UUID.randomUUID().toString();
        String mine = Api.unique("Mô hình của xã A ");
        String theirs = Api.unique("Mô hình của xã B ");
        Api.Res a = api().post(
                        "/api/v1/models",
                        World.registration(mine, w.communeA, "DISTRICT", "ECONOMY"),
                        w.token("reporterA"),
                        KEY,
                        key);
        Api.Res b = api().post(
                        "/api/v1/models",
                        World.registration(theirs, w.communeB, "DISTRICT", "ECONOMY"),
                        w.token("reporterB"),
                        KEY,
                        key);

        // then each created its own, and neither saw the other's answer
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(models(mine)).isEqualTo(1);
        assertThat(models(theirs)).isEqualTo(1);

        // and a key with a space, or longer than 255 characters, is a 400 naming the header, before anything runs
        String title = Api.unique("Khóa sai ");
        for (String bad : List.of("two words", "k".repeat(256))) {
            Api.Res refused = api().post(
                            "/api/v1/models",
                            World.registration(title, w.communeA, "DISTRICT", "ECONOMY"),
                            w.token("reporterA"),
                            KEY,
                            bad);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly(KEY);
        }
        assertThat(models(title)).isZero();
    }

    @Test
    void anotherNodeAnswersTheRetryFromTheDatabase() {
        // given a model created through this node with a key
        String title = Api.unique("Họ đạo tự quản an ninh trật tự ");
        Map<String, Object> body = World.registration(title, w.communeA, "DISTRICT", "DEFENSE_SECURITY");
        String key = UUID.randomUUID().toString();
        Api.Res first = api().post("/api/v1/models", body, w.token("reporterA"), KEY, key);

        // when the retry reaches a second node (this one lost, or the balancer chose the other)
        Api.Res retry;
        try (SecondNode other = SecondNode.start()) {
            retry = new Api(other.base()).post("/api/v1/models", body, w.token("reporterA"), KEY, key);
        }

        // then it answers the first result, and nothing more was written
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(models(title)).isEqualTo(1);
    }

    @Test
    void aPageFormCarriesItsOwnKeySoASecondClickMakesOneModel() {
        // given the registration form of a reporter
        WebSession page = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        String form = page.get("/models/new").body();
        String key = field(form, IdempotencyFilter.FIELD);
        assertThat(key).isNotBlank();
        assertThat(field(page.get("/models/new").body(), IdempotencyFilter.FIELD))
                .isNotEqualTo(key);

        // when the form is sent twice with its key (a double click)
        String title = Api.unique("Chính quyền thân thiện ");
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "title",
                title,
                "field",
                "POLITICAL_SYSTEM",
                "unitCode",
                w.communeA,
                "level",
                "DISTRICT",
                "year",
                "2024",
                "holderType",
                "COLLECTIVE",
                "holderName",
                "Ủy ban nhân dân xã",
                "origin",
                "NEW",
                "summary",
                "Niềm nở, tận tình."));
        fields.put(IdempotencyFilter.FIELD, key);
        WebSession.Page first = page.post("/models", fields);
        WebSession.Page second = page.post("/models", fields);

        // then both lead to the same new model, which exists once
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location()).contains("/models/");
        assertThat(models(title)).isEqualTo(1);

        // and the same form sent again with other content is refused on the error page, which says why
        fields.put("title", title + " (bản khác)");
        WebSession.Page refused = page.post("/models", fields);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("Biểu mẫu đã được gửi trước đó");
        assertThat(models(title + " (bản khác)")).isZero();
    }

    @Test
    void expiredKeysAreSweptAndCanBeUsedAgain() {
        // given a key whose time is over
        String key = UUID.randomUUID().toString();
        String title = Api.unique("Khóa đã hết hạn ");
        Map<String, Object> body = World.registration(title, w.communeA, "DISTRICT", "ECONOMY");
        api().post("/api/v1/models", body, w.token("reporterA"), KEY, key);
        Timestamp past = Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.update("update web_idempotency_key set expires_at = ? where idem_key = ?", past, key);

        // when the same request comes with it again, it runs again (the key is no promise any more)
        Api.Res again = api().post("/api/v1/models", body, w.token("reporterA"), KEY, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(models(title)).isEqualTo(2);

        // and the sweep deletes expired keys, keeping the others
        jdbc.update("update web_idempotency_key set expires_at = ? where idem_key = ?", past, key);
        kept.sweep();
        assertThat(jdbc.queryForObject(
                        "select count(*) from web_idempotency_key where idem_key = ?", Integer.class, key))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from web_idempotency_key where expires_at > ?",
                        Integer.class,
                        Timestamp.from(Instant.now())))
                .isPositive();
    }

    private int models(String title) {
        return jdbc.queryForObject("select count(*) from model_model where title = ?", Integer.class, title);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher reversed =
                Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"" + name + "\"").matcher(html);
        return reversed.find() ? reversed.group(1) : null;
    }
}
