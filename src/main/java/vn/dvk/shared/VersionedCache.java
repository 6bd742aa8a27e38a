package vn.dvk.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Answers computed once per version of the data they read (see {@link DataVersions}), in the caches of Spring's
 * cache abstraction (Caffeine, {@code spring.cache.*}): the version is part of the key, so a write anywhere makes the
 * answers of its area miss at once, on every node; entries of old versions are never read again and leave by size or
 * age. And the same version as an HTTP validator ({@code ETag}, {@code Last-Modified}), so that a browser that has
 * the answer gets 304 without it being computed.
 */
@Service
public class VersionedCache {

    /** Cache of the statistics (counts, drill-down, trends). */
    public static final String STATISTICS = "statistics";
    /** Cache of the pages' data (the model list and search, the public library's lists and pages). */
    public static final String PAGES = "pages";
    /**
     * Cache of parts of pages rendered as HTML (the dashboard's figures), bounded by their size
     * ({@code dvk.cache.fragments-kb}) rather than by their number.
     */
    public static final String FRAGMENTS = "fragments";
    /**
     * Cache of parts of an answer kept under a narrower version than the answer's own (the commendations of a count,
     * which no registration of a year moves), read while the answer is computed: a cache of their own, since a cache
     * cannot load an entry while it loads another.
     */
    public static final String PARTS = "parts";

    private final CacheManager caches;
    private final DataVersions versions;
    private final TransactionTemplate reading;

    VersionedCache(CacheManager caches, DataVersions versions, PlatformTransactionManager transactions) {
        this.caches = caches;
        this.versions = versions;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** The version of what a reader of the subtree at {@code scopePath} sees. */
    public DataVersions.Version version(String scopePath) {
        return versions.of(scopePath);
    }

    /** The version of what a reader of the subtree at {@code scopePath} sees of the years up to {@code throughYear}. */
    public DataVersions.Version version(String scopePath, int throughYear) {
        return versions.of(scopePath, throughYear);
    }

    /** The versions of every area at once (see {@link DataVersions#snapshot}). */
    public DataVersions.Snapshot snapshot() {
        return versions.snapshot();
    }

    /**
     * The answer for {@code key} as of {@code version}, computed by {@code compute} when this node has none. The key
     * must hold everything the answer depends on besides the data (who asks, the filters, the date); the data must
     * be read after {@code version} was. {@code compute} runs in a read-only transaction (the caller's, if it has
     * one): a caller that reads only the version and the cache needs none, and a hit then costs no transaction.
     * <p>
     * A miss takes its transaction, and with it its connection, before it waits for the entry (while one request
     * computes an entry, the others that want it wait for it). Taken inside the cache's loading, as before, a request
     * computing an entry could wait for a connection that the requests waiting for that entry held (a caller's scope
     * keeps the connection of its first statement): with every connection of the pool held so, the pool timed out
     * after 30 s (85 failed requests in one benchmark run; docs/PERFORMANCE.md, tenth round; {@code
     * VersionedCacheConnectionTests}).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String cacheName, DataVersions.Version version, Object key, Supplier<T> compute) {
        Cache cache = Objects.requireNonNull(caches.getCache(cacheName), cacheName);
        Key k = new Key(key, version.value());
        Cache.ValueWrapper hit = cache.get(k);
        if (hit != null) {
            return (T) hit.get();
        }
        return reading.execute(status -> (T) cache.get(k, compute::get));
    }

    /**
     * As {@link #get}, for an answer composed of other answers of these caches: computed outside the cache's own
     * loading (a cache cannot load an entry while loading another), so two requests may compute it at once.
     */
    @SuppressWarnings("unchecked")
    public <T> T getComposed(String cacheName, DataVersions.Version version, Object key, Supplier<T> compute) {
        Cache cache = Objects.requireNonNull(caches.getCache(cacheName), cacheName);
        Key k = new Key(key, version.value());
        Cache.ValueWrapper hit = cache.get(k);
        if (hit != null) {
            return (T) hit.get();
        }
        T value = compute.get();
        cache.put(k, value);
        return value;
    }

    /**
     * Answers 304 when the client's copy is of this version and these {@code parts} (what is asked, and who asks when
     * the answer depends on it); else sets the validators and {@code Cache-Control: private, no-cache} (kept by the
     * browser, checked every time, never shared between users by a proxy) and returns false. {@code Last-Modified}
     * only for answers that are the same for everyone allowed to ask ({@code sameForEveryone}): a date alone cannot
     * tell one user's copy of a page from another's in the same browser.
     */
    public static boolean notModified(
            WebRequest request, DataVersions.Version version, boolean sameForEveryone, Object... parts) {
        if (request instanceof NativeWebRequest n
                && n.getNativeRequest() instanceof HttpServletRequest r
                && RequestContextUtils.getInputFlashMap(r) != null) {
            return false; // a page that carries a message of the last action is shown once
        }
        String etag = "W/\"" + version.value() + "-" + Integer.toHexString(Arrays.deepHashCode(parts)) + "\"";
        long lastModified = sameForEveryone ? version.changedAt().toEpochMilli() / 1000 * 1000 : -1;
        if (request instanceof NativeWebRequest n && n.getNativeResponse() instanceof HttpServletResponse response) {
            response.setHeader(
                    HttpHeaders.CACHE_CONTROL,
                    CacheControl.noCache().cachePrivate().getHeaderValue());
        }
        return request.checkNotModified(etag, lastModified);
    }

    private record Key(Object key, long version) {}
}
