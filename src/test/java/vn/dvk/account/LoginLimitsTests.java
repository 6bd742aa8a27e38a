package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The sign-in limits are read and checked at start-up: a wrong value stops the start and says which and why. */
@ExtendWith(OutputCaptureExtension.class)
class LoginLimitsTests {

    @EnableConfigurationProperties(LoginLimits.class)
    static class Limits {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Limits.class);

    @Test
    void withoutSettingsTheLimitsAreFiveThirtyAndAQuarterOfAnHour() {
        runner.run(context -> assertThat(context.getBean(LoginLimits.class))
                .isEqualTo(new LoginLimits(5, 30, Duration.ofMinutes(15))));
    }

    @Test
    void settingsAreBoundFromTheirPropertyNames() {
        runner.withPropertyValues(
                        "dvk.security.login.max-failures-per-user=3",
                        "dvk.security.login.max-failures-per-address=100",
                        "dvk.security.login.window=PT1H")
                .run(context -> assertThat(context.getBean(LoginLimits.class))
                        .isEqualTo(new LoginLimits(3, 100, Duration.ofHours(1))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "max-failures-per-user|0|0|must be at least 1",
                "max-failures-per-address|-30|-30|must be at least 1",
                "window|PT0S|PT0S|must be at least one second (PT1S)",
                "window|-PT15M|PT-15M|must be at least one second (PT1S)"
            })
    void aWrongValueStopsTheStartNamingTheSettingAndTheRule(
            String setting, String value, String shown, String rule, CapturedOutput output) {
        // given an application that reads the limits
        SpringApplication app = new SpringApplication(Limits.class);
        app.setWebApplicationType(WebApplicationType.NONE);

        // when it starts with a wrong value on its command line
        assertThatThrownBy(() ->
                        app.run("--dvk.security.login." + setting + "=" + value).close())
                .hasStackTraceContaining("dvk.security.login");

        // then Spring Boot's start-up report names the setting as written, the value as read, and the rule
        assertThat(output.getOut() + output.getErr())
                .contains(
                        "APPLICATION FAILED TO START",
                        "Origin: \"dvk.security.login." + setting + "\"",
                        "Value: \"" + shown + "\"",
                        "Reason: " + rule);
    }

    @Test
    void aValueThatIsNoNumberStopsTheStartNamingTheSetting() {
        runner.withPropertyValues("dvk.security.login.max-failures-per-user=five")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("dvk.security.login.max-failures-per-user");
                });
    }
}
