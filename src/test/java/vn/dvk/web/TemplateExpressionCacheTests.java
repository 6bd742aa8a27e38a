package vn.dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.cache.ExpressionCacheKey;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;
import vn.dvk.support.IntegrationTest;
import vn.dvk.support.WebSession;
import vn.dvk.support.World;

/**
 * The template engine keeps every expression of DVK's pages once parsed: its cache is larger than the expressions the
 * templates hold (Thymeleaf's default of 500 was not), so going from page to page never parses the same expression
 * again; and it interprets them (SpEL's compiler, in the mode Thymeleaf uses, compiled an expression again as a new
 * class each time its compiled form failed: a thousand classes a minute under load, docs/PERFORMANCE.md).
 */
class TemplateExpressionCacheTests extends IntegrationTest {

    /** The value of a {@code th:*} attribute: each distinct one is an entry of the cache, besides its inner SpEL. */
    private static final Pattern TH_ATTRIBUTE = Pattern.compile("\\sth:[a-z-]+=\"([^\"]*)\"");

    @Autowired
    private SpringTemplateEngine engine;

    @Test
    void theCacheHoldsEveryExpressionOfTheTemplatesTwiceOver() throws IOException {
        // given the distinct expressions written in the templates
        Set<String> expressions = new HashSet<>();
        for (Resource t : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
            Matcher m = TH_ATTRIBUTE.matcher(t.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                expressions.add(m.group(1));
            }
        }

        // when the engine's cache is looked at
        StandardCacheManager caches = (StandardCacheManager) engine.getCacheManager();

        // then the templates hold more than Thymeleaf's default, and the cache twice what they hold, kept strongly
        assertThat(expressions).hasSizeGreaterThan(StandardCacheManager.DEFAULT_EXPRESSION_CACHE_MAX_SIZE);
        assertThat(caches.getExpressionCacheMaxSize()).isGreaterThanOrEqualTo(2 * expressions.size());
        assertThat(caches.getExpressionCacheUseSoftReferences()).isFalse();
        assertThat(engine.getEnableSpringELCompiler()).as("SpEL's compiler").isFalse();
    }

    @Test
    void goingFromPageToPageKeepsWhatWasParsed() {
        // given a signed-in reporter with a model, and the pages the reporter goes through
        World w = new World(api());
        long id =
                w.draft("reporterA", World.registration("Mô hình bộ nhớ biểu thức", w.communeA, "COMMUNE", "ECONOMY"));
        WebSession web = WebSession.signedIn(api().base(), w.username("reporterA"), PASSWORD);
        List<String> pages = List.of(
                "/",
                "/models",
                "/models/" + id,
                "/statistics",
                "/models/new",
                "/campaigns",
                "/inspections",
                "/commendations",
                "/notifications",
                "/cong-khai");
        pages.forEach(p -> assertThat(web.get(p).status()).as(p).isEqualTo(200));
        ICache<ExpressionCacheKey, Object> cache = engine.getCacheManager().getExpressionCache();
        Set<ExpressionCacheKey> parsed = new HashSet<>(cache.keySet());

        // when the same pages are opened again, and again in English
        pages.forEach(web::get);
        pages.forEach(p -> web.get(p + (p.contains("?") ? "&" : "?") + "lang=en"));

        // then every expression parsed the first time is still held
        assertThat(parsed).hasSizeGreaterThan(100);
        assertThat(cache.keySet()).containsAll(parsed);
    }
}
