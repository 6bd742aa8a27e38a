package vn.dvk.progress;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.uploads.max-size}: the largest evidence file or inspection photo accepted (the folder of the files,
 * {@code dvk.uploads.dir}, belongs to the storage module).
 */
@Validated
@ConfigurationProperties("dvk.uploads")
record EvidenceProperties(@DefaultValue("10MB") @NotNull DataSize maxSize) {

    @AssertTrue(message = "dvk.uploads.max-size must be more than 0 bytes")
    boolean isMaxSizePositive() {
        return maxSize == null || maxSize.toBytes() > 0;
    }
}
