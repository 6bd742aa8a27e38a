package vn.dvk.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;

/**
 * A test of what a node keeps in its caches ({@link CacheEntries}): the node's caches to look into, and a world of
 * units and users of its own for each test.
 */
public abstract class CachedAnswerTest extends IntegrationTest {

    @Autowired
    protected CacheManager caches;

    protected World w;

    @BeforeEach
    protected void world() {
        w = new World(api());
    }
}
