package vn.dvk.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code dvk.audit.entries}: the length of the audit chain, read from the chain's head row (one row by its key, kept
 * by {@link AuditChain} in the transaction of every entry), so a scrape never counts the entries themselves.
 */
@Component
class AuditMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    AuditMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dvk.audit.entries", this, AuditMetrics::entries)
                .description("Entries in the audit chain (all nodes; from the chain's head row)")
                .register(registry);
    }

    private double entries() {
        return jdbc.queryForList("select entries from shared_audit_chain_head where id = 1", Long.class).stream()
                .findFirst()
                .orElse(0L);
    }
}
