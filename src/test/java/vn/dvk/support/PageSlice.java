package vn.dvk.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvk.account.Accounts;
import vn.dvk.notice.Notices;
import vn.dvk.shared.Fmt;
import vn.dvk.shared.VersionedCache;
import vn.dvk.web.RenderedViews;

/**
 * A {@code @WebMvcTest} slice of DVK's pages and API: the controllers named in {@link #value} with what every request
 * goes through in the application (the three security filter chains of {@code SecurityConfig}, the request id and the
 * work gate filters, the {@code @ControllerAdvice}s that give every page its user, its bell and its error pages and the
 * API its problem details, Thymeleaf with the page parts and {@code @fmt}, the message bundles, the locale), no
 * database and no other bean: the test mocks its controller's services with {@code @MockitoBean} fields and signs in
 * with {@link SliceUser}. A slice starts in one or two seconds (several in a cold JVM).
 *
 * <p>Mocked for every slice: {@link Accounts} (the sign-in and the bearer tokens, which {@link SliceUser#bearer} stubs),
 * {@link Notices} (the bell, which counts 0 unread notices) and {@link VersionedCache}, which computes every answer (the
 * menu and the assets of the pages) instead of keeping it, since it needs a transaction manager. Left out: the
 * idempotency filter, which keeps its answers in the database (forms here carry no key, so it would pass them on).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "vn\\.dvk\\.web\\.IdempotencyFilter"))
@Import({PageSlice.Infrastructure.class, PageSlice.Beans.class})
@MockitoBean(types = {Accounts.class, Notices.class})
public @interface PageSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};

    /**
     * The application's own configuration that a slice leaves out, by name: these classes are package-private to
     * their modules ({@code SecurityConfig} and what its filter chains need, the clock, the JSON rules, the refusals
     * of the work gate).
     */
    final class Infrastructure implements ImportSelector {
        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {
                "vn.dvk.account.SecurityConfig",
                "vn.dvk.account.AccountAuthenticationProvider",
                "vn.dvk.account.SignInHandlers",
                "vn.dvk.shared.ClockConfig",
                "vn.dvk.shared.JsonConfig",
                "vn.dvk.web.Refusals"
            };
        }
    }

    /** The public beans the pages need, real or stubbed. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import({Fmt.class, RenderedViews.class})
    class Beans {

        /** The filter chains count refusals; no metrics registry comes with a slice. */
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** Computes every answer: the real cache needs a transaction manager (and so a database). */
        @Bean
        @SuppressWarnings("unchecked")
        VersionedCache versionedCache() {
            VersionedCache cache = mock(VersionedCache.class);
            when(cache.get(any(), any(), any(), any()))
                    .thenAnswer(call -> ((Supplier<Object>) call.getArgument(3)).get());
            when(cache.getComposed(any(), any(), any(), any()))
                    .thenAnswer(call -> ((Supplier<Object>) call.getArgument(3)).get());
            return cache;
        }
    }
}
