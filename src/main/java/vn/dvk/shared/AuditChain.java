package vn.dvk.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes audit entries into the hash chain. Entries recorded during a transaction wait in that transaction and
 * are written just before it commits: the transaction's pending JPA changes are flushed first (so that every row
 * lock the business change needs is already held), then the single row of {@code shared_audit_chain_head} is
 * locked ({@code SELECT … FOR UPDATE}), the entries are inserted with {@code prev_hash} and {@code hash}, and the
 * head moves on. The head lock is therefore the last lock a writing transaction takes, and it is held only for
 * those few inserts and the commit; it is the point where concurrent writers queue, which also makes the ids of
 * committed entries follow the chain's order.
 *
 * <p>Just before, the transaction counts one more change in the slot of each area it changed (see
 * {@link DataVersions}), in ascending order of slot: writers of different provinces do not wait for each other there,
 * the head's critical section stays as short as it was, and no two writers take the same locks in another order.
 */
@Component
class AuditChain {

    private static final String INSERT = "insert into shared_audit_entry (at, actor, subject_type, subject_id,"
            + " action, from_state, to_state, comment, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EntityManagerFactory> emf;

    AuditChain(JdbcTemplate jdbc, ObjectProvider<EntityManagerFactory> emf) {
        this.jdbc = jdbc;
        this.emf = emf;
    }

    /** Queues an entry in the current transaction; it is written, chained, when the transaction commits. */
    void append(AuditEntry entry) {
        append(entry, DataVersions.SOMEWHERE);
    }

    /** Queues an entry whose change lies in {@code area} (see {@link DataVersions#areaOf}). */
    void append(AuditEntry entry, long area) {
        Pending pending = pending("an audit entry needs a transaction");
        pending.entries.add(entry);
        pending.slots.add(DataVersions.slotOf(area));
    }

    /**
     * Queues an entry whose change lies in {@code area} and touches only the models registered in {@code regYear}
     * (see {@link DataVersions#touchYear}).
     */
    void appendInYear(AuditEntry entry, long area, int regYear) {
        Pending pending = pending("an audit entry needs a transaction");
        pending.entries.add(entry);
        pending.year(area, regYear);
    }

    /** Queues an entry of an action that changed no data: no area's version moves for it. */
    void appendWithoutChange(AuditEntry entry) {
        pending("an audit entry needs a transaction").entries.add(entry);
    }

    /** Marks {@code area} as changed by the current transaction, without an audit entry. */
    void touch(long area) {
        pending("a change needs a transaction").slots.add(DataVersions.slotOf(area));
    }

    /** Marks {@code area}'s models of {@code regYear} as changed by the current transaction, without an audit entry. */
    void touchYear(long area, int regYear) {
        pending("a change needs a transaction").year(area, regYear);
    }

    private Pending pending(String noTransaction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(noTransaction);
        }
        Pending pending = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                pending = p;
            }
        }
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.written) {
            throw new IllegalStateException("audit entry recorded after the transaction's entries were written");
        }
        return pending;
    }

    /** Entries of the current transaction not written yet (for reads inside the same transaction). */
    List<AuditEntry> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return List.of();
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this && !p.written) {
                return List.copyOf(p.entries);
            }
        }
        return List.of();
    }

    private void write(List<AuditEntry> entries, Set<Long> slots, Set<YearSlot> years) {
        EntityManagerFactory factory = emf.getIfAvailable();
        if (factory != null) {
            EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
            if (em != null) {
                em.flush();
            }
        }
        // the slots in ascending order, before the head: writers of different provinces do not wait for each other
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Long slot : slots) {
            jdbc.update(
                    "update shared_data_version set version = version + 1, changed_at = ? where area_id = ?",
                    now,
                    slot);
        }
        // then the rows of one area's year, in ascending order too; the first change of an area's year makes its row
        for (YearSlot y : years) {
            if (jdbc.update(
                            "update shared_data_year_version set version = version + 1, changed_at = ?"
                                    + " where area_id = ? and reg_year = ?",
                            now,
                            y.slot(),
                            y.year())
                    == 0) {
                jdbc.update(
                        "insert into shared_data_year_version (area_id, reg_year, version, changed_at)"
                                + " values (?, ?, 0, ?) on conflict do nothing",
                        y.slot(),
                        y.year(),
                        now);
                jdbc.update(
                        "update shared_data_year_version set version = version + 1, changed_at = ?"
                                + " where area_id = ? and reg_year = ?",
                        now,
                        y.slot(),
                        y.year());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Object> head = jdbc.queryForMap(
                "select last_id, last_hash, entries from shared_audit_chain_head where id = 1 for update");
        String prev = (String) head.get("last_hash");
        long lastId = 0;
        for (AuditEntry e : entries) {
            String hash = AuditHash.of(
                    prev,
                    e.getAt(),
                    e.getActor(),
                    e.getSubjectType(),
                    e.getSubjectId(),
                    e.getAction(),
                    e.getFromState(),
                    e.getToState(),
                    e.getComment());
            String prevHash = prev;
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(INSERT, new String[] {"id"});
                        ps.setObject(1, OffsetDateTime.ofInstant(e.getAt(), ZoneOffset.UTC));
                        ps.setString(2, e.getActor());
                        ps.setString(3, e.getSubjectType());
                        ps.setLong(4, e.getSubjectId());
                        ps.setString(5, e.getAction());
                        ps.setString(6, e.getFromState());
                        ps.setString(7, e.getToState());
                        ps.setString(8, e.getComment());
                        ps.setString(9, prevHash);
                        ps.setString(10, hash);
                        return ps;
                    },
                    key);
            lastId = key.getKeyAs(Number.class).longValue();
            e.chained(lastId, prevHash, hash);
            prev = hash;
        }
        jdbc.update(
                "update shared_audit_chain_head set last_id = ?, last_hash = ?, entries = entries + ? where id = 1",
                lastId,
                prev,
                entries.size());
    }

    /** The row of one area's changes to the models of one registration year. */
    private record YearSlot(long slot, int year) implements Comparable<YearSlot> {
        @Override
        public int compareTo(YearSlot o) {
            return slot != o.slot ? Long.compare(slot, o.slot) : Integer.compare(year, o.year);
        }
    }

    /** The entries of one transaction; runs after every other before-commit step. */
    private static final class Pending implements TransactionSynchronization {
        private final AuditChain owner;
        private final List<AuditEntry> entries = new ArrayList<>();
        private final Set<Long> slots = new TreeSet<>();
        private final Set<YearSlot> years = new TreeSet<>();
        private boolean written;

        /** A change of one area's models of one year; a change whose area is not known moves every version. */
        void year(long area, int regYear) {
            if (area == DataVersions.SOMEWHERE) {
                slots.add(DataVersions.slotOf(area));
            } else {
                years.add(new YearSlot(DataVersions.slotOf(area), regYear));
            }
        }

        Pending(AuditChain owner) {
            this.owner = owner;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!entries.isEmpty() || !slots.isEmpty() || !years.isEmpty()) {
                owner.write(entries, slots, years);
            }
        }
    }
}
