package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password hash's cost: Spring Security's Argon2id defaults unless set, the cost written into each hash so that a
 * password stored at one cost is still checked at another, and a value out of range stops the start naming the
 * setting.
 */
class PasswordHashingTests {

    @EnableConfigurationProperties(PasswordHashing.class)
    static class Hashing {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Hashing.class);

    @Test
    void withoutSettingsTheCostIsSpringSecuritysDefault() {
        runner.run(context -> {
            PasswordHashing hashing = context.getBean(PasswordHashing.class);
            assertThat(hashing).isEqualTo(PasswordHashing.DEFAULTS);
            assertThat(hashing.belowDefaults()).isFalse();
            assertThat(hashing.encoder().encode("mat-khau")).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
        });
    }

    @Test
    void aPasswordStoredAtOneCostIsCheckedAtAnother() {
        // given a password stored at the tests' cost and one at the default cost
        PasswordEncoder cheap = new PasswordHashing(64, 1, 1).encoder();
        PasswordEncoder standard = PasswordHashing.DEFAULTS.encoder();
        String storedCheaply = cheap.encode("mat-khau-Thu-nghiem-1");
        String storedDefault = standard.encode("mat-khau-Thu-nghiem-1");

        // then each hash names its own cost, and either encoder checks either hash by that cost
        assertThat(storedCheaply).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(standard.matches("mat-khau-Thu-nghiem-1", storedCheaply)).isTrue();
        assertThat(cheap.matches("mat-khau-Thu-nghiem-1", storedDefault)).isTrue();
        assertThat(standard.matches("mat-khau-khac", storedCheaply)).isFalse();
        assertThat(new PasswordHashing(64, 1, 1).belowDefaults()).isTrue();
    }

    @Test
    void settingsAreBoundFromTheirPropertyNames() {
        runner.withPropertyValues(
                        "dvk.security.password-hash.memory-kib=65536",
                        "dvk.security.password-hash.iterations=3",
                        "dvk.security.password-hash.parallelism=2")
                .run(context -> assertThat(context.getBean(PasswordHashing.class))
                        .isEqualTo(new PasswordHashing(65_536, 3, 2)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "memory-kib|4|must be at least 8 (KiB)",
                "memory-kib|2000000|must be at most 1048576 (KiB, 1 GiB)",
                "iterations|0|must be at least 1",
                "iterations|11|must be at most 10",
                "parallelism|0|must be at least 1",
                "parallelism|17|must be at most 16"
            })
    void aValueOutOfRangeStopsTheStartNamingTheSettingAndTheRule(String setting, String value, String rule) {
        runner.withPropertyValues("dvk.security.password-hash." + setting + "=" + value)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("dvk.security.password-hash")
                            .hasStackTraceContaining(rule);
                });
    }
}
