package vn.dvk.storage;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.uploads.dir}: the folder of the files in the local store, and the source of {@code migrate-files}. (The
 * largest file accepted, {@code dvk.uploads.max-size}, belongs to the progress module.)
 */
@Validated
@ConfigurationProperties("dvk.uploads")
record UploadsProperties(
        @DefaultValue("./data/uploads") @NotBlank String dir) {}
