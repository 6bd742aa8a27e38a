package vn.dvk.model;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code dvk.model.years-ahead}: how many years after this one a registration may name (0: this year at most). */
@Validated
@ConfigurationProperties("dvk.model")
record ModelProperties(@DefaultValue("1") @PositiveOrZero int yearsAhead) {}
