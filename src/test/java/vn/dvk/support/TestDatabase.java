package vn.dvk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of a test JVM: an H2 file under {@code target/} by default, or, when the system property
 * {@code dvk.test.db=postgres}, a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres), created for
 * this JVM and dropped when it ends.
 */
public final class TestDatabase {

    public static final String KIND = System.getProperty("dvk.test.db", "h2");
    private static final String PG_HOST =
            System.getProperty("dvk.test.pg", System.getenv().getOrDefault("DVK_TEST_PG", "127.0.0.1:5432"));
    private static String url;

    private TestDatabase() {}

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(KIND);
    }

    public static synchronized String url() {
        if (url == null) {
            url = fresh("main");
            System.out.println("[dvk-test] database: " + KIND + " " + url);
        }
        return url;
    }

    /**
     * A second, empty database of the same kind for a test that needs one of its own (H2: a new file; PostgreSQL: a
     * new database dropped when the JVM ends).
     */
    public static synchronized String fresh(String name) {
        long id = ProcessHandle.current().pid();
        if (!postgres()) {
            return "jdbc:h2:file:./target/h2-test/" + name + "-" + id + "-" + System.nanoTime()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        String db = "dvk_test_" + id + "_" + name;
        admin("drop database if exists " + db);
        admin("create database " + db + " encoding 'UTF8' template template0");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                admin("drop database if exists " + db + " with (force)");
            } catch (RuntimeException ignored) {
                // best effort: the next run of the same pid drops it first
            }
        }));
        return "jdbc:postgresql://" + PG_HOST + "/" + db;
    }

    public static String user() {
        return postgres() ? "postgres" : "sa";
    }

    public static void register(DynamicPropertyRegistry registry) {
        register(registry, url());
    }

    /** Points the application at {@code url}, a database of this JVM's kind (one from {@link #fresh}). */
    public static void register(DynamicPropertyRegistry registry, String url) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", () -> "");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_HOST + ": " + e.getMessage(), e);
        }
    }
}
