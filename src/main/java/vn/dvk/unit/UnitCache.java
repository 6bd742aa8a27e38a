package vn.dvk.unit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The units as every node reads them, kept per version of the unit tree: a trigger gives {@code unit_tree_version}
 * a new value (from a sequence, never given twice) at each statement that changes {@code unit_unit}, so an entry
 * cached under one version is what that version holds, on every node, whoever changed the units (a reorganization, an
 * administrator, a migration, a test's SQL).
 *
 * <p>The version is read once per web request (a request attribute) — unless a writing transaction is open, which
 * reads it each time — and the unit module forgets it when it changes units itself ({@link #changed}), so a request
 * never reads, after its own change of the tree, the units of before. Outside a web request it is read at each use.
 */
@Component
@EnableConfigurationProperties(UnitProperties.class)
class UnitCache {

    private static final String MEMO = UnitCache.class.getName() + ".version";

    private final JdbcTemplate jdbc;
    private final Cache<Key, Object> entries;
    private final boolean enabled;

    UnitCache(JdbcTemplate jdbc, UnitProperties settings) {
        long size = settings.cacheSize();
        this.jdbc = jdbc;
        this.enabled = size > 0;
        this.entries = Caffeine.newBuilder().maximumSize(Math.max(size, 1)).build();
    }

    private record Key(long version, Object what) {}

    /** The current version of the unit tree, as this request or transaction sees it. */
    long version() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean memo = request != null
                && !(TransactionSynchronizationManager.isActualTransactionActive()
                        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly());
        if (memo && request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST) instanceof Long known) {
            return known;
        }
        Long version = jdbc.queryForObject("select version from unit_tree_version where id = 1", Long.class);
        long value = version == null ? 0 : version;
        if (memo) {
            request.setAttribute(MEMO, value, RequestAttributes.SCOPE_REQUEST);
        }
        return value;
    }

    /** What {@code what} was at {@code version}, loaded by {@code load} when this node has not kept it. */
    @SuppressWarnings("unchecked")
    <T> T get(long version, Object what, Supplier<T> load) {
        if (!enabled) {
            return load.get();
        }
        Key key = new Key(version, what);
        Object kept = entries.getIfPresent(key);
        if (kept != null) {
            return (T) kept;
        }
        // not Cache.get(key, loader): a load may look other units up in this cache
        T loaded = load.get();
        if (loaded != null) {
            entries.put(key, loaded);
        }
        return loaded;
    }

    /** What is kept of {@code what} at {@code version}, or null. */
    @SuppressWarnings("unchecked")
    <T> T peek(long version, Object what) {
        return enabled ? (T) entries.getIfPresent(new Key(version, what)) : null;
    }

    <T> void put(long version, Object what, T value) {
        if (enabled && value != null) {
            entries.put(new Key(version, what), value);
        }
    }

    /**
     * The current transaction changes units: this request reads the tree's version again, now and after the
     * transaction ends.
     */
    void changed() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        request.removeAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    try {
                        request.removeAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
                    } catch (IllegalStateException requestEnded) {
                        // nothing to forget: the request is over
                    }
                }
            });
        }
    }
}
