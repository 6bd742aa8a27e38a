package vn.dvk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sealing of private keys at rest, and the setting that holds its key. */
class KeySealTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER =
            Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aSealedKeyOpensOnlyWithTheSameKeyAndForTheSameUnit() throws Exception {
        // given a seal under a configured key
        KeySeal seal = new KeySeal(new SigningProperties(KEY).secretKey());
        byte[] plain = "private key bytes".getBytes(StandardCharsets.US_ASCII);

        // when a value is sealed for unit 7 twice
        byte[] once = seal.seal(plain, 7);
        byte[] twice = seal.seal(plain, 7);

        // then it opens for unit 7, never shows the plain bytes, and each sealing has its own nonce
        assertThat(seal.open(once, 7)).isEqualTo(plain);
        assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
        assertThat(once).isNotEqualTo(twice);
        // and it does not open for another unit, under another key, or once a byte is changed
        assertThatThrownBy(() -> seal.open(once, 8)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> new KeySeal(new SigningProperties(OTHER).secretKey()).open(once, 7))
                .isInstanceOf(GeneralSecurityException.class);
        byte[] tampered = once.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> seal.open(tampered, 7)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void theSettingIsOptionalButMustBeThirtyTwoBytesAndIsNeverPrinted() {
        // unset or blank: nothing can be sealed
        assertThat(new SigningProperties(null).secretKey()).isEmpty();
        assertThat(new KeySeal(new SigningProperties("  ").secretKey()).configured())
                .isFalse();
        assertThatThrownBy(() -> new KeySeal(Optional.empty()).open(new byte[40], 1))
                .isInstanceOf(GeneralSecurityException.class);
        // not base64, or 16 bytes: the start fails naming the setting
        assertThatThrownBy(() -> new SigningProperties("not base64 !")).hasMessageContaining("DVK_SIGNING_KEY");
        assertThatThrownBy(() -> new SigningProperties(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        // and the key never appears in the setting's text
        assertThat(new SigningProperties(OTHER).toString())
                .doesNotContain(OTHER)
                .contains("set");
    }
}
