package vn.dvk.account;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The OpenID providers of {@code spring.security.oauth2.client.*}, each read from its discovery document
 * ({@code issuer-uri}) when first used rather than at start: a provider that is down neither stops DVK from starting
 * nor breaks the sign-in page; until it answers, signing in through it is refused as {@link #UNREACHABLE}.
 */
class ProviderRegistrations implements ClientRegistrationRepository {

    /** The OAuth 2.0 error of a provider whose discovery document could not be read. */
    static final String UNREACHABLE = "provider_unreachable";

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistrations.class);

    /** A provider as the sign-in page offers it: its registration id and its name. */
    record Provider(String id, String name) {}

    private final OAuth2ClientProperties properties;
    private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();

    ProviderRegistrations(OAuth2ClientProperties properties) {
        this.properties = properties;
    }

    /** The configured providers, without asking any of them anything. */
    List<Provider> providers() {
        return properties.getRegistration().entrySet().stream()
                .map(e -> new Provider(
                        e.getKey(),
                        e.getValue().getClientName() == null
                                ? e.getKey()
                                : e.getValue().getClientName()))
                .sorted(Comparator.comparing(Provider::id))
                .toList();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        OAuth2ClientProperties.Registration registration =
                properties.getRegistration().get(registrationId);
        if (registration == null) {
            return null;
        }
        ClientRegistration known = resolved.get(registrationId);
        return known != null ? known : resolved.computeIfAbsent(registrationId, id -> resolve(id, registration));
    }

    private ClientRegistration resolve(String id, OAuth2ClientProperties.Registration registration) {
        OAuth2ClientProperties one = new OAuth2ClientProperties();
        one.getRegistration().put(id, registration);
        String providerId = registration.getProvider() == null ? id : registration.getProvider();
        OAuth2ClientProperties.Provider provider = properties.getProvider().get(providerId);
        if (provider != null) {
            one.getProvider().put(providerId, provider);
        }
        try {
            return new OAuth2ClientPropertiesMapper(one).asClientRegistrations().get(id);
        } catch (RuntimeException e) {
            log.warn("OpenID provider of {} not usable: {}", id, e.getMessage());
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(UNREACHABLE, "the provider did not answer", null), e);
        }
    }
}
