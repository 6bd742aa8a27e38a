package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text of the Vietnamese bundles has its English twin, and no English text lacks a Vietnamese one. */
class MessageBundlesTests {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void theVietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        // given every Vietnamese bundle (the common one and each module's)
        Resource[] vietnamese = resolver.getResources("classpath*:messages_vi.properties");
        Resource[] modules = resolver.getResources("classpath*:i18n/*_vi.properties");
        assertThat(vietnamese).hasSize(1);
        assertThat(modules).hasSizeGreaterThanOrEqualTo(6);
        for (Resource vi : concat(vietnamese, modules)) {
            // when its English twin is read
            Resource en = vi.createRelative(vi.getFilename().replace("_vi.properties", "_en.properties"));
            assertThat(en.exists()).as("%s exists", en.getFilename()).isTrue();
            Set<String> viKeys = keys(vi);
            Set<String> enKeys = keys(en);
            // then both hold the same keys
            assertThat(difference(viKeys, enKeys))
                    .as("keys of %s missing from its English twin", vi.getFilename())
                    .isEmpty();
            assertThat(difference(enKeys, viKeys))
                    .as("keys of %s missing from its Vietnamese twin", en.getFilename())
                    .isEmpty();
        }
    }

    private static Resource[] concat(Resource[] a, Resource[] b) {
        Resource[] all = new Resource[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Set<String> keys(Resource bundle) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
