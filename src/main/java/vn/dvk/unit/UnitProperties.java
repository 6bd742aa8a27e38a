package vn.dvk.unit;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code dvk.unit.cache-size}: the units each node keeps in memory, per version of the unit tree (0: none). */
@Validated
@ConfigurationProperties("dvk.unit")
record UnitProperties(@DefaultValue("40000") @PositiveOrZero long cacheSize) {}
