package vn.dvk.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On PostgreSQL, plans for the values of the statements that follow, in the current transaction only
 * ({@code SET LOCAL plan_cache_mode = force_custom_plan}). The driver prepares a statement on the server after a few
 * runs, and PostgreSQL may then keep one generic plan for every value: for "the models under this unit"
 * ({@code path LIKE $1}) a generic plan cannot tell a commune from the whole country, and read the country's list in
 * date order to find a commune's twenty models (470 ms instead of 2 ms, measured on the national dataset). Only the
 * queries whose best plan depends on the scope ask for it: planning every statement of every request (set on each
 * connection) cost a third of the throughput of the simplest request.
 */
@Component
public class DataSourceTuning {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    DataSourceTuning(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        }
    }

    /** True on PostgreSQL. */
    public boolean postgres() {
        return postgres;
    }

    /** The rest of the current transaction plans each statement for its values (PostgreSQL; nothing on H2). */
    public void customPlansInThisTransaction() {
        planMode("force_custom_plan");
    }

    /**
     * The rest of the current transaction lets PostgreSQL reuse a plan made for any values again (its default): for
     * statements whose plan the values do not change, planning each time costs more than it saves.
     */
    public void defaultPlansInThisTransaction() {
        planMode("auto");
    }

    private void planMode(String mode) {
        if (postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.execute("set local plan_cache_mode = " + mode);
        }
    }
}
