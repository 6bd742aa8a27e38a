package vn.dvk.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvk.shared.VersionedCache;

/**
 * The cache of rendered page parts ({@link VersionedCache#FRAGMENTS}): its entries are tens of kilobytes of HTML, so it
 * is bounded by their total size ({@code dvk.cache.fragments-kb}, default 16 MB; 0 keeps none) instead of the entry
 * count of the other caches; like them, an entry lives ten minutes at most.
 */
@Configuration(proxyBeanMethods = false)
class FragmentCacheConfig {

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> fragmentCache(
            @Value("${dvk.cache.fragments-kb:16384}") long kilobytes) {
        return manager -> manager.registerCustomCache(
                VersionedCache.FRAGMENTS,
                Caffeine.newBuilder()
                        .maximumWeight(Math.max(0, kilobytes) * 1024)
                        .weigher((Object key, Object value) -> value instanceof String s ? 64 + 2 * s.length() : 1024)
                        .expireAfterWrite(Duration.ofMinutes(10))
                        .build());
    }
}
