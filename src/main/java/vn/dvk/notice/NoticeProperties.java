package vn.dvk.notice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.notice}: the sender of e-mails ({@code from}), how often the outbox is looked at ({@code send-delay}), how
 * many messages one pass sends ({@code batch-size}), retries ({@code max-attempts}, first wait {@code retry-base},
 * doubled each time up to {@code retry-max}), when a message claimed by a node that stopped is tried again
 * ({@code claim-timeout}) and when the daily digests go ({@code digest-cron}, Vietnam time).
 */
@Validated
@ConfigurationProperties("dvk.notice")
record NoticeProperties(
        @DefaultValue("DVK <no-reply@dvk.local>") @NotBlank String from,
        @DefaultValue("PT30S") Duration sendDelay,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("10") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("PT1M") Duration retryBase,
        @DefaultValue("PT6H") Duration retryMax,
        @DefaultValue("PT10M") Duration claimTimeout,
        @DefaultValue("0 0 7 * * *") String digestCron) {}
