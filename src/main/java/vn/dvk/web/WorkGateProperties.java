package vn.dvk.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.http.concurrent-work}: the requests worked on at once ({@link WorkGate}; 0, the default, is four per
 * processor); {@code dvk.http.max-wait}: how long a request waits for its turn before it is refused with 503.
 */
@Validated
@ConfigurationProperties("dvk.http")
record WorkGateProperties(
        @DefaultValue("0") @Min(0) int concurrentWork,

        @DefaultValue("PT30S") @NotNull @DurationMin(millis = 0)
        Duration maxWait) {}
