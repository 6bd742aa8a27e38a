package vn.dvk.recognition.round;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dvk.recognition.public-comment.working-days}: how long a public comment window lasts when its organiser
 * names no closing date, in working days (Monday to Friday) from its opening day.
 */
@Validated
@ConfigurationProperties("dvk.recognition.public-comment")
record PublicCommentProperties(
        @DefaultValue("10") @Min(1) @Max(60) int workingDays) {}
