package vn.dvk.account;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code dvk.session.absolute-timeout}: how long a page session lasts after sign-in, however active it is. */
@Validated
@ConfigurationProperties("dvk.session")
record SessionProperties(
        @DefaultValue("8h") @NotNull @DurationMin(minutes = 1)
        Duration absoluteTimeout) {}
