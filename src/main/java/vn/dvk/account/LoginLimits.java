package vn.dvk.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.security.login.*}: how many failed sign-ins one username, and one client address, may have within the
 * sliding window before further attempts are refused (see {@link LoginThrottle}). Checked at start-up: a number below
 * 1 or a window shorter than a second stops the start, naming the setting.
 *
 * @param maxFailuresPerUser    failures of one username (any spelling of its case) within the window
 * @param maxFailuresPerAddress failures from one client address within the window
 * @param window                how long a failure counts
 */
@ConfigurationProperties("dvk.security.login")
@Validated
record LoginLimits(
        @DefaultValue("5") @Positive(message = "must be at least 1")
        int maxFailuresPerUser,

        @DefaultValue("30") @Positive(message = "must be at least 1")
        int maxFailuresPerAddress,

        @DefaultValue("PT15M") @NotNull @DurationMin(seconds = 1, message = "must be at least one second (PT1S)")
        Duration window) {}
