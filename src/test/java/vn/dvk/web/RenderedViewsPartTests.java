package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import vn.dvk.shared.DataVersions;
import vn.dvk.shared.VersionedCache;
import vn.dvk.support.CacheEntries;
import vn.dvk.support.IntegrationTest;

/**
 * A part of a page kept as HTML ({@link RenderedViews#part}) is rendered once per version and key, and one that
 * holds a form (its session's token) is refused and not kept.
 */
class RenderedViewsPartTests extends IntegrationTest {

    @Autowired
    private RenderedViews views;

    @Autowired
    private CacheManager caches;

    @Test
    void aPartIsRenderedOncePerVersionAndKey() {
        AtomicInteger renders = new AtomicInteger();
        DataVersions.Version v1 = new DataVersions.Version(Long.MAX_VALUE - 7, Instant.EPOCH);
        DataVersions.Version v2 = new DataVersions.Version(Long.MAX_VALUE - 6, Instant.EPOCH);

        String first = part(v1, "plain", "một", renders);
        String again = part(v1, "plain", "hai", renders);
        String moved = part(v2, "plain", "ba", renders);

        assertThat(first).contains("id=\"plain\"").contains(">một<");
        assertThat(again).isEqualTo(first);
        assertThat(moved).contains(">ba<");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aPartWithAFormIsRefusedAndNotKept() {
        AtomicInteger renders = new AtomicInteger();
        DataVersions.Version v = new DataVersions.Version(Long.MAX_VALUE - 5, Instant.EPOCH);

        assertThatThrownBy(() -> part(v, "form", "Đăng xuất", renders))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test/kept :: form");

        assertThat(renders).hasValue(1);
        assertThat(CacheEntries.count(caches, VersionedCache.FRAGMENTS, k -> k.contains("test/kept :: form")))
                .isZero();
    }

    private String part(DataVersions.Version version, String fragment, String text, AtomicInteger renders) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-of-this-session");
        request.setAttribute(CsrfToken.class.getName(), token);
        request.setAttribute("_csrf", token);
        return views.part(
                version,
                List.of("RenderedViewsPartTests"),
                "test/kept :: " + fragment,
                model -> {
                    renders.incrementAndGet();
                    model.addAttribute("text", text);
                },
                request,
                new MockHttpServletResponse());
    }
}
