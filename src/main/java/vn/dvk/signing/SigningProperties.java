package vn.dvk.signing;

import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dvk.signing.*}: {@code key} is the key (base64 of 32 bytes, from the environment variable
 * {@code DVK_SIGNING_KEY}) that encrypts the units' private keys at rest. Unset, no certificate can be uploaded and
 * every document stays unsigned; set to anything but 32 bytes in base64, the application does not start.
 *
 * @param key the AES-256 key in base64, or empty
 */
@ConfigurationProperties("dvk.signing")
record SigningProperties(String key) {

    SigningProperties {
        if (key != null && !key.isBlank()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dvk.signing.key (DVK_SIGNING_KEY) is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException(
                        "dvk.signing.key (DVK_SIGNING_KEY) must be 32 bytes in base64, not " + bytes.length);
            }
        }
    }

    /** The AES key, when one is configured. */
    Optional<SecretKey> secretKey() {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SecretKeySpec(Base64.getDecoder().decode(key.trim()), "AES"));
    }

    @Override
    public String toString() {
        return "SigningProperties[key=" + (key == null || key.isBlank() ? "unset" : "set") + "]";
    }
}
