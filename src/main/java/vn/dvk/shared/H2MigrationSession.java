package vn.dvk.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On the embedded H2 database, the migrations run on a connection of their own that stays open as long as the JVM.
 *
 * <p>H2 (2.4.240) keeps, in a {@code CHECK (x IN (…))} constraint created by a statement, the session that created
 * it, and compares through that session. When the migrations ran on a pooled connection, the pool retires that
 * connection after {@code maxLifetime} (30 minutes) while the database stays open for the other connections; from
 * then on every insert into a table with such a constraint fails with "Check constraint invalid … The database has
 * been closed" — on a first start, 30 minutes later (reproduced with {@code spring.datasource.hikari.max-lifetime=30000};
 * a database opened again parses its constraints in a session that lives with it). PostgreSQL is migrated as before.
 */
@Configuration(proxyBeanMethods = false)
class H2MigrationSession {

    private static final Logger log = LoggerFactory.getLogger(H2MigrationSession.class);

    /** Per database, the session the migrations created their constraints in: never closed (H2 closes it with the JVM). */
    private static final Map<String, Connection> KEPT = new HashMap<>();

    @Bean
    FlywayMigrationStrategy migrations(DataSource dataSource) {
        return flyway -> {
            if (!(dataSource instanceof HikariDataSource hikari)
                    || hikari.getJdbcUrl() == null
                    || !hikari.getJdbcUrl().startsWith("jdbc:h2:")) {
                flyway.migrate();
                return;
            }
            Connection session = session(hikari);
            Flyway onSession = Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .dataSource(new SingleConnectionDataSource(session, true))
                    .load();
            int executed = onSession.migrate().migrationsExecuted;
            if (executed > 0) {
                log.info("H2: {} migrations ran on a session kept open for the constraints they created", executed);
            }
        };
    }

    private static synchronized Connection session(HikariDataSource hikari) {
        try {
            Connection kept = KEPT.get(hikari.getJdbcUrl());
            if (kept == null || kept.isClosed()) {
                kept = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                KEPT.put(hikari.getJdbcUrl(), kept);
            }
            return kept;
        } catch (SQLException e) {
            throw new IllegalStateException("H2: cannot open the migrations' session: " + e.getMessage(), e);
        }
    }
}
