package vn.dvk.account;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.security.token-ttl}: how long an API token works after it was issued. (The sign-in throttle's
 * {@code dvk.security.login.*} are read by {@link LoginThrottle}.)
 */
@Validated
@ConfigurationProperties("dvk.security")
record TokenProperties(
        @DefaultValue("PT8H") @NotNull @DurationMin(minutes = 1)
        Duration tokenTtl) {}
