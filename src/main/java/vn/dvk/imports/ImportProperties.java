package vn.dvk.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of imports ({@code dvk.imports.*}): the largest file taken, the most data rows, and how many errors a
 * preview lists (the count of valid rows stays exact beyond it).
 */
@Validated
@ConfigurationProperties("dvk.imports")
record ImportProperties(
        @org.springframework.boot.context.properties.bind.DefaultValue("100MB") DataSize maxSize,
        @org.springframework.boot.context.properties.bind.DefaultValue("200000")
        @jakarta.validation.constraints.Min(1) int maxRows,
        @org.springframework.boot.context.properties.bind.DefaultValue("1000")
        @jakarta.validation.constraints.Min(1) int maxErrors) {
}
