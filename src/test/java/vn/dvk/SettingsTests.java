package vn.dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code dvk.*} settings are records bound and validated at start-up: the defaults start, and a wrong value stops
 * the start with a message that names the setting.
 */
class SettingsTests {

    /** Every settings record of every module, and nothing else of the application. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("vn.dvk")
    static class AllSettings {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(AllSettings.class);

    @Test
    void theDefaultsStartAndEveryModuleHasItsRecord() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            Map<String, String> prefixes = ConfigurationPropertiesBean.getAll(context).values().stream()
                    .collect(Collectors.toMap(
                            b -> b.getInstance().getClass().getName(),
                            b -> b.getAnnotation().prefix()));
            assertThat(prefixes)
                    .containsEntry("vn.dvk.progress.ProgressProperties", "dvk.progress")
                    .containsEntry("vn.dvk.progress.EvidenceProperties", "dvk.uploads")
                    .containsEntry("vn.dvk.progress.NodeProperties", "dvk")
                    .containsEntry("vn.dvk.account.SessionProperties", "dvk.session")
                    .containsEntry("vn.dvk.account.TokenProperties", "dvk.security")
                    .containsEntry("vn.dvk.account.ScrapeProperties", "dvk.management")
                    .containsEntry("vn.dvk.model.ModelProperties", "dvk.model")
                    .containsEntry("vn.dvk.showcase.ShowcaseProperties", "dvk.showcase")
                    .containsEntry("vn.dvk.showcase.PublicUrlProperties", "dvk")
                    .containsEntry("vn.dvk.recognition.round.PublicCommentProperties", "dvk.recognition.public-comment")
                    .containsEntry("vn.dvk.unit.UnitProperties", "dvk.unit")
                    .containsEntry("vn.dvk.unit.OfficialMapSettings$Requested", "dvk")
                    .containsEntry("vn.dvk.unit.OfficialMapSettings$History", "dvk.units")
                    .containsEntry("vn.dvk.statistics.StatisticsProperties", "dvk.statistics")
                    .containsEntry("vn.dvk.storage.UploadsProperties", "dvk.uploads")
                    .containsEntry("vn.dvk.storage.StorageProperties", "dvk.storage")
                    .containsEntry("vn.dvk.imports.ImportProperties", "dvk.imports")
                    .containsEntry("vn.dvk.signing.SigningProperties", "dvk.signing")
                    .containsEntry("vn.dvk.web.WorkGateProperties", "dvk.http");
        });
    }

    @Test
    void theValuesOfApplicationPropertiesAndTheTestsStart() {
        runner.withPropertyValues(
                        "dvk.progress.overdue-cron=-",
                        "dvk.units=vn-2025",
                        "dvk.units.history=false",
                        "dvk.uploads.max-size=10MB",
                        "dvk.session.absolute-timeout=8h",
                        "dvk.node-name=node-b")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "dvk.progress.report-due-days=0          | dvk.progress.report-due-days",
                "dvk.progress.report-due-days=fifteen    | dvk.progress.report-due-days",
                "dvk.progress.overdue-cron=0 30 1 * *    | dvk.progress.overdue-cron",
                "dvk.unit.cache-size=-1                  | dvk.unit.cache-size",
                "dvk.model.years-ahead=-1                | dvk.model.years-ahead",
                "dvk.public-url=ftp://dvk.gov.vn         | dvk.public-url",
                "dvk.public-url=https://dvk.gov.vn/?a=1  | dvk.public-url",
                "dvk.showcase.per-address=0              | dvk.showcase.per-address",
                "dvk.showcase.low-rating=6               | dvk.showcase.low-rating",
                "dvk.showcase.min-answers=0              | dvk.showcase.min-answers",
                "dvk.showcase.window=0s                  | dvk.showcase.window",
                "dvk.recognition.public-comment.working-days=0 | dvk.recognition.public-comment.working-days",
                "dvk.security.token-ttl=PT0S             | dvk.security.token-ttl",
                "dvk.management.scrape-token-hash=the-secret-itself | dvk.management.scrape-token-hash",
                "dvk.session.absolute-timeout=-8h        | dvk.session.absolute-timeout",
                "dvk.uploads.max-size=0MB                | dvk.uploads.max-size",
                "dvk.uploads.dir=                        | dvk.uploads.dir",
                "dvk.imports.max-size=0MB                | dvk.imports.max-size",
                "dvk.imports.max-rows=0                  | dvk.imports.max-rows",
                "dvk.statistics.compact-every=0s         | dvk.statistics.compact-every",
                "dvk.http.concurrent-work=-1             | dvk.http.concurrent-work",
                "dvk.http.max-wait=-1s                   | dvk.http.max-wait",
                "dvk.units=vn-2024                       | dvk.units",
                "dvk.units.history=sometimes             | dvk.units.history",
                "dvk.signing.key=c2hvcnQ=                | dvk.signing.key",
                "dvk.signing.key=not base64!             | dvk.signing.key",
                "dvk.node-name=a-name-longer-than-the-64-characters-that-the-job-runs-table-keeps | dvk.node-name"
            })
    void aWrongValueStopsTheStartNamingTheSetting(String setting, String name) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(name);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
