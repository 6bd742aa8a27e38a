package vn.dvk.unit;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What {@link MapLoaderRunner} loads at start: {@code dvk.units} names the official map (empty: none) and
 * {@code dvk.units.history} whether the former provinces and districts come with it. Two records, because
 * {@code dvk.units} is both a value and the prefix of {@code dvk.units.history}.
 */
final class OfficialMapSettings {

    private OfficialMapSettings() {}

    /** {@code dvk.units}: the map to load, once. */
    @Validated
    @ConfigurationProperties("dvk")
    record Requested(
            @Pattern(
                    regexp = "\\s*(" + OfficialMap.VN_2025 + ")?\\s*",
                    message = "dvk.units must be " + OfficialMap.VN_2025 + " or empty")
            String units) {}

    /** {@code dvk.units.history}: with the former units. */
    @ConfigurationProperties("dvk.units")
    record History(@DefaultValue("true") boolean history) {}
}
