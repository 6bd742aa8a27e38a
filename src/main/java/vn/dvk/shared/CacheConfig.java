package vn.dvk.shared;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Spring's cache abstraction, with Caffeine as configured by {@code spring.cache.*} (see {@link VersionedCache}). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfig {}
