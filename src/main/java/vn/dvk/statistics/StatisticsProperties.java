package vn.dvk.statistics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.statistics.compact-every}: how often a node checks whether the statistics deltas are worth folding (the
 * job's {@code @Scheduled} reads the same setting; this record checks it at start-up).
 */
@Validated
@ConfigurationProperties("dvk.statistics")
record StatisticsProperties(
        @DefaultValue(StatisticsProperties.COMPACT_EVERY) @NotNull @DurationMin(seconds = 1)
        Duration compactEvery) {

    static final String COMPACT_EVERY = "PT1M";
}
