package vn.dvk.showcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.public-url}: the address citizens reach DVK at (scheme, host, optional port and path, no query), on which
 * the links of QR codes, signboards, Open Graph tags and the sitemap are built.
 */
@Validated
@ConfigurationProperties("dvk")
record PublicUrlProperties(
        @DefaultValue("http://localhost:8080")
        @NotBlank
        @Pattern(
                regexp = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?",
                message = "must be an absolute http(s) address without query")
        String publicUrl) {

    /** The absolute address of a path of this site ({@code path} starts with a slash). */
    String of(String path) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + path;
    }
}
