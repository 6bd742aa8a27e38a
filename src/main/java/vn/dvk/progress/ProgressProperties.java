package vn.dvk.progress;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.progress.*}: how many days after a half-year its report is due, and when the nightly overdue job runs (a
 * cron expression of six fields in Vietnam time, or {@code -} for never; the job's {@code @Scheduled} reads the same
 * setting, this record checks it at start-up).
 */
@Validated
@ConfigurationProperties("dvk.progress")
record ProgressProperties(
        @DefaultValue("15") @Positive int reportDueDays,

        @DefaultValue(ProgressProperties.OVERDUE_CRON) @NotNull
        String overdueCron) {

    /** 01:30 every night. */
    static final String OVERDUE_CRON = "0 30 1 * * *";

    @AssertTrue(message = "dvk.progress.overdue-cron must be a cron expression of six fields, or - for never")
    boolean isOverdueCronValid() {
        return overdueCron == null || "-".equals(overdueCron) || CronExpression.isValidExpression(overdueCron);
    }
}
