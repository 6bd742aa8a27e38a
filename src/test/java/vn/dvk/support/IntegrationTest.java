package vn.dvk.support;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-stack tests: the whole application on a random port over the test database (H2 or
 * PostgreSQL, see {@link TestDatabase}). All subclasses share one application context. Tests create their
 * own units with unique codes, so they never depend on each other's data.
 */
@Tag("db")
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "DVK_ADMIN_PASSWORD=" + IntegrationTest.ADMIN_PASSWORD,
            "dvk.security.login.max-failures-per-address=10000",
            "dvk.uploads.dir=target/test-uploads",
            // the nightly overdue job's cron off ("-"): at 01:30 Vietnam time (18:30 UTC) it fired during a CI run and
            // its lock (held 5 minutes) made the two-node test of that job see no run; tests run the job themselves
            "dvk.progress.overdue-cron=-",
            // the key that seals the units' signing keys (DVK_SIGNING_KEY): a test value, base64 of 32 bytes
            "dvk.signing.key=" + IntegrationTest.SIGNING_KEY,
            // the same for the nightly job that applies scheduled reorganizations: tests call it with their own clock
            "dvk.unit.reorganization-cron=-",
            // the SHA-256 of SCRAPE_SECRET: the Prometheus scraper's own credential
            "dvk.management.scrape-token-hash=1dc765298a0a60894bcd1cefec31a830e87eeea46269a95877b03f357c9e5ae7",
            // passwords hashed at a test's cost (Argon2id all the same): each World creates ten users, the suite
            // creates and signs in more than two thousand a run, and at the production cost (16 MiB, two passes,
            // 19 ms a hash) they slowed the application tests most of all (docs/ARCHITECTURE.md, "Tests")
            IntegrationTest.CHEAP_HASH_MEMORY,
            IntegrationTest.CHEAP_HASH_PASSES
        })
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-Test-Password-2026";
    public static final String PASSWORD = "mat-khau-Thu-nghiem-1";
    /** The test's DVK_SIGNING_KEY: base64 of "dvk-test-signing-key-32-bytes!!!". */
    public static final String SIGNING_KEY = "ZHZrLXRlc3Qtc2lnbmluZy1rZXktMzItYnl0ZXMhISE=";
    /** The scraper's secret, whose hash is {@code dvk.management.scrape-token-hash}. */
    public static final String SCRAPE_SECRET = "prometheus-scrape-Secret-2026";

    /** The password hash's cost in tests (vn.dvk.account.PasswordHashing): 64 KiB, one pass. */
    public static final String CHEAP_HASH_MEMORY = "dvk.security.password-hash.memory-kib=64";

    public static final String CHEAP_HASH_PASSES = "dvk.security.password-hash.iterations=1";

    @Value("${local.server.port}")
    protected int port;

    private Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected Api api() {
        if (api == null) {
            api = new Api("http://127.0.0.1:" + port);
        }
        return api;
    }
}
