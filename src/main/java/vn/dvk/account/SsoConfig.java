package vn.dvk.account;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Single sign-on, only when {@code spring.security.oauth2.client.registration.*} names a provider: without one there
 * is no button, and none of its addresses answers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
@EnableConfigurationProperties({OAuth2ClientProperties.class, SsoSettings.class})
class SsoConfig {

    @Bean
    ProviderRegistrations clientRegistrationRepository(OAuth2ClientProperties properties) {
        return new ProviderRegistrations(properties);
    }

    @Bean
    SingleSignOn singleSignOn(
            ProviderRegistrations registrations,
            Accounts accounts,
            Users users,
            SsoSettings settings,
            SignInHandlers signIn,
            SecurityContextRepository contexts) {
        return new SingleSignOn(
                registrations, accounts, SsoDirectory.of(settings.matchClaim(), users), settings, signIn, contexts);
    }
}
