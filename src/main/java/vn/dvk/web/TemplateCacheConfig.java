package vn.dvk.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The template engine's cache of parsed expressions, sized for DVK's templates: Thymeleaf keeps 500 by default, through
 * soft references that a collection under pressure may clear all at once, while DVK's templates hold over 2,000
 * distinct expressions; a mix of pages could evict what the next page needed and parse it again.
 * {@code dvk.thymeleaf.expression-cache} entries ({@code DVK_TEMPLATE_EXPRESSIONS}, default 8,000) hold them all,
 * strongly; {@code TemplateExpressionCacheTests} checks that they stay twice what the templates hold. The parsed
 * templates' own cache (200 by default) holds DVK's 52 templates and their fragments.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCacheConfig {

    @Bean
    static BeanPostProcessor templateEngineCaches(@Value("${dvk.thymeleaf.expression-cache}") int expressions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setCacheManager(caches(expressions));
                }
                return bean;
            }
        };
    }

    static StandardCacheManager caches(int expressions) {
        StandardCacheManager caches = new StandardCacheManager();
        caches.setExpressionCacheMaxSize(expressions);
        caches.setExpressionCacheInitialSize(Math.min(expressions, 1024));
        // by default held through soft references, which a collection under pressure clears: all of them at once
        caches.setExpressionCacheUseSoftReferences(false);
        return caches;
    }
}
