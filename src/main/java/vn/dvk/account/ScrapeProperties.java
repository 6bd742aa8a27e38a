package vn.dvk.account;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.management.scrape-token-hash}: the SHA-256 (64 hexadecimal digits) of the secret that Prometheus sends as
 * its bearer token. The secret itself is never in the configuration; blank (the default) means no scrape credential,
 * only administrators' tokens scrape.
 */
@Validated
@ConfigurationProperties("dvk.management")
record ScrapeProperties(
        @Pattern(
                regexp = "^([0-9a-fA-F]{64})?$",
                message = "must be the SHA-256 of the secret as 64 hexadecimal digits, or empty")
        String scrapeTokenHash) {

    /** Whether a scrape credential is configured. */
    boolean enabled() {
        return scrapeTokenHash != null && !scrapeTokenHash.isBlank();
    }
}
