package vn.dvk.imports;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of imports ({@code dvk.imports.*}): the largest file taken ({@code max-size}; the servlet container's own
 * multipart ceiling sits above it so that DVK can say the file is too big), the most data rows of one file, and how
 * many errors a preview lists (the count of valid rows stays exact beyond it).
 */
@Validated
@ConfigurationProperties("dvk.imports")
record ImportProperties(
        @DefaultValue("100MB") @NotNull DataSize maxSize,
        @DefaultValue("200000") @Min(1) int maxRows,
        @DefaultValue("1000") @Min(1) int maxErrors) {

    @AssertTrue(message = "dvk.imports.max-size must be more than 0 bytes")
    boolean isMaxSizePositive() {
        return maxSize == null || maxSize.toBytes() > 0;
    }
}
