package vn.dvk.support;

import java.util.function.Predicate;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;

/** What a node keeps in one of its caches, for the tests that prove an answer was kept or computed again. */
public final class CacheEntries {

    private CacheEntries() {}

    /** The number of entries of the cache {@code name} whose key, written out, passes {@code key}. */
    public static long count(CacheManager caches, String name, Predicate<String> key) {
        CaffeineCache cache = (CaffeineCache) caches.getCache(name);
        return cache.getNativeCache().asMap().keySet().stream()
                .map(Object::toString)
                .filter(key)
                .count();
    }
}
