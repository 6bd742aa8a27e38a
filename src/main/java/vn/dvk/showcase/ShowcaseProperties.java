package vn.dvk.showcase;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.showcase.*}: how many ratings one client address may send within {@code window} ({@code per-address}),
 * how long browsers and proxies may keep a public page ({@code max-age}), and when citizens' ratings make a model a
 * sign of formalism: an average below {@code low-rating} over at least {@code min-answers} answers.
 */
@Validated
@ConfigurationProperties("dvk.showcase")
record ShowcaseProperties(
        @DefaultValue("5") @Min(1) @Max(10_000) int perAddress,
        @DefaultValue("1h") @NotNull Duration window,
        @DefaultValue("60s") @NotNull Duration maxAge,

        @DefaultValue("2.5") @DecimalMin("1.0") @DecimalMax("5.0")
        double lowRating,

        @DefaultValue("10") @Min(1) int minAnswers) {

    ShowcaseProperties {
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("dvk.showcase.window must be positive");
        }
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("dvk.showcase.max-age must not be negative");
        }
    }
}
