package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.World;

/**
 * The pool retires every connection it holds (as it does after {@code maxLifetime}, 30 minutes) while the database
 * stays open: writes into tables with {@code CHECK (… IN …)} constraints still work. On H2 they failed with "Check
 * constraint invalid … The database has been closed" once the connection the migrations ran on was gone
 * ({@link H2MigrationSession}); seen at the end of a 27-minute test run, and 30 minutes after a first start.
 */
class MigrationSessionTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void writesStillPassTheirChecksAfterThePoolReplacedEveryConnection() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        // one connection held open keeps the database open, as the other nodes' or requests' connections do
        try (Connection held =
                DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())) {
            assertThat(held.isValid(2)).isTrue();
            hikari.getHikariPoolMXBean().softEvictConnections();
            // a unit (level and kind checked IN lists), users with roles, a model: every write of a new world
            World w = new World(api());
            long id = w.draft(
                    "reporterA", World.registration("Mô hình sau khi thay kết nối", w.communeA, "COMMUNE", "ECONOMY"));
            assertThat(w.submit("reporterA", id).status()).isEqualTo(200);
        }
    }
}
