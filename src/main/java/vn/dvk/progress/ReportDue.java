package vn.dvk.progress;

import java.time.LocalDate;

/**
 * A model owes its report on a half-year: due within {@link ReportingDeadlines#REMIND_DAYS} days, or overdue (flagged
 * by the nightly job). Published in the job's transaction; {@code period} is the code ({@code 2026-H1}).
 */
public record ReportDue(
        Long modelId,
        String title,
        String unitCode,
        String createdBy,
        String period,
        String periodLabel,
        LocalDate dueOn,
        boolean overdue) {}
