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
    private static final String PG_HOST = System.getProperty("dvk.test.pg",
            System.getenv().getOrDefault("DVK_TEST_PG", "127.0.0.1:5432"));
    private static String url;

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(KIND);
    }

    public static synchronized String url() {
        if (url == null) {
            long id = ProcessHandle.current().pid();
            if (postgres()) {
                String name = "dvk_test_" + id;
                admin("drop database if exists " + name);
                admin("create database " + name + " encoding 'UTF8' template template0");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        admin("drop database if exists " + name + " with (force)");
                    } catch (RuntimeException ignored) {
                        // best effort: the next run of the same pid drops it first
                    }
                }));
                url = "jdbc:postgresql://" + PG_HOST + "/" + name;
            } else {
                url = "jdbc:h2:file:./target/h2-test/dvk-" + id + "-" + System.nanoTime()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            }
            System.out.println("[dvk-test] database: " + KIND + " " + url);
        }
        return url;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", () -> postgres() ? "postgres" : "sa");
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
