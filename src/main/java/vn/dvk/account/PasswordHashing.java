package vn.dvk.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.security.password-hash.*}: the cost of the Argon2id hash that new passwords are stored with. The defaults
 * are Spring Security's (16 MiB of memory, 2 passes, 1 lane: tens of milliseconds a hash on a server core). A stored
 * hash carries its own parameters ({@code $argon2id$v=19$m=16384,t=2,p=1$…}), so a password hashed at one cost is
 * still checked after the cost changes; only passwords set afterwards take the new one. The test suite lowers the cost
 * (it creates and signs in thousands of users); a production setting below the defaults is logged as a warning at
 * start-up. Checked at start-up: a value out of range stops the start, naming the setting.
 *
 * @param memoryKib   memory of one hash, in KiB (at least 8 per lane, Argon2's minimum; at most 1 GiB)
 * @param iterations  passes over that memory (1 to 10)
 * @param parallelism lanes (1 to 16)
 */
@ConfigurationProperties("dvk.security.password-hash")
@Validated
record PasswordHashing(
        @DefaultValue("16384")
        @Min(value = 8, message = "must be at least 8 (KiB)")
        @Max(value = 1_048_576, message = "must be at most 1048576 (KiB, 1 GiB)")
        int memoryKib,

        @DefaultValue("2")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 10, message = "must be at most 10")
        int iterations,

        @DefaultValue("1")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 16, message = "must be at most 16")
        int parallelism) {

    /** Spring Security's defaults since 5.8, which DVK ships with. */
    static final PasswordHashing DEFAULTS = new PasswordHashing(16_384, 2, 1);

    /** Whether this costs less than {@link #DEFAULTS} in memory or passes. */
    boolean belowDefaults() {
        return memoryKib < DEFAULTS.memoryKib || iterations < DEFAULTS.iterations;
    }

    /** Argon2id with a 16-byte salt and a 32-byte hash, as Spring Security's defaults, at this cost. */
    Argon2PasswordEncoder encoder() {
        // Argon2 needs 8 KiB per lane at least: more lanes than that allows get the least memory they can run with
        return new Argon2PasswordEncoder(16, 32, parallelism, Math.max(memoryKib, 8 * parallelism), iterations);
    }
}
