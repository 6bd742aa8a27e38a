package vn.dvk.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code dvk.idempotency.ttl}: how long the first result of an {@code Idempotency-Key} is answered again (24 h). */
@Validated
@ConfigurationProperties("dvk.idempotency")
record IdempotencyProperties(
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1)
        Duration ttl) {}
