package vn.dvk.web;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Vietnamese first: the locale is Vietnamese unless the user picks English with {@code ?lang=en}. Static files are
 * served from a few named paths only ({@code spring.web.resources.add-mappings=false}): with Spring Boot's default
 * {@code /**} mapping, every link a page builds ({@code @{/models/42}}) was looked up on the class path of every jar
 * to see whether it named a static file, which took half of the CPU of the pages under load (docs/PERFORMANCE.md).
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** Vietnamese bundle by default ({@code messages_vi}), English on request ({@code messages_en}). */
    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        // messages_*.properties holds the common texts; each module may add its own i18n/<module>_*.properties
        source.setBasenames(
                "classpath:messages",
                "classpath:i18n/recognition",
                "classpath:i18n/commendation",
                "classpath:i18n/progress",
                "classpath:i18n/inspection",
                "classpath:i18n/statistics",
                "classpath:i18n/unit",
                "classpath:i18n/document",
                "classpath:i18n/notice");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(VIETNAMESE);
        source.setCacheSeconds(-1);
        return source;
    }

    /** Versioned links to WebJars only, not a lookup of every link a page builds ({@link WebJarLinks}). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new WebJarLinks());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Requests that Tomcat refuses before the application sees them are answered with problem details too. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("dvk-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true); // no script reads it (wapiti flagged the missing HttpOnly)
        return resolver;
    }

    /** Where the resource handlers below serve files from: the WebJars, DVK's own folders and the icon. */
    private static final List<String> STATIC_PREFIXES = List.of("/webjars/", "/css/", "/js/", "/favicon.");

    /** True for a path (within the context) that the resource handlers serve: a file, no work of the application. */
    static boolean isStaticFile(String path) {
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // WebJars: links without a version (/webjars/htmx.org/dist/htmx.min.js) are rewritten to the versioned path,
        // which never changes its content
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        // DVK's own files keep their names across releases: browsers revalidate them (304 when unchanged)
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CacheControl.noCache())
                    .resourceChain(true);
        }
        registry.addResourceHandler("/favicon.*")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)))
                .resourceChain(true);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
