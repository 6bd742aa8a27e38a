package vn.dvk.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM under the configured key ({@link SigningProperties}): a sealed value is a version byte, a random
 * 12-byte nonce and the ciphertext with its 16-byte tag. The unit's id is authenticated with it (associated data),
 * so a sealed key copied onto another unit's row does not open.
 */
final class KeySeal {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKey> key;

    KeySeal(Optional<SecretKey> key) {
        this.key = key;
    }

    boolean configured() {
        return key.isPresent();
    }

    byte[] seal(byte[] plain, long unitId) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, unitId);
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain bytes; throws {@link GeneralSecurityException} when the key is not the one that sealed them. */
    byte[] open(byte[] sealed, long unitId) throws GeneralSecurityException {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new GeneralSecurityException("not a sealed key of version " + VERSION);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE);
        return cipher(Cipher.DECRYPT_MODE, nonce, unitId).doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
    }

    private Cipher cipher(int mode, byte[] nonce, long unitId) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(
                mode,
                key.orElseThrow(() -> new GeneralSecurityException("dvk.signing.key is not set")),
                new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(("dvk-signing-key/unit/" + unitId).getBytes(StandardCharsets.US_ASCII));
        return c;
    }
}
