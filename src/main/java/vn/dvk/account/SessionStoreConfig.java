package vn.dvk.account;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The page sessions' store: Spring Session JDBC, its last access time written at most once a minute, a session read
 * once per request ({@link CoarseLastAccessSessions}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    @Bean
    static BeanPostProcessor coarseLastAccess() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new CoarseLastAccessSessions(jdbc) : bean;
            }
        };
    }

    /** Just outside Spring Session's filter: the sessions a request read are remembered until it ends. */
    @Bean
    FilterRegistrationBean<Filter> sessionsOfTheRequest() {
        Filter filter = (req, res, chain) -> CoarseLastAccessSessions.inRequest(() -> chain.doFilter(req, res));
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setName("sessionsOfTheRequest");
        return registration;
    }
}
