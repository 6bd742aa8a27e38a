package vn.dvk.progress;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A reporting period: the first or second half of a year ({@code 2024-H1}, {@code 2024-H2}) or the whole year
 * ({@code 2024-Y}, also written {@code 2024}).
 */
public record ReportPeriod(int year, Part part) implements Comparable<ReportPeriod> {

    private static final Pattern TEXT = Pattern.compile("^(\\d{4})(?:-(H1|H2|Y))?$");

    /** Which part of the year. */
    public enum Part {
        /** 6 tháng đầu năm — January to June. */
        H1,
        /** 6 tháng cuối năm — July to December. */
        H2,
        /** Cả năm — the whole year. */
        Y
    }

    /** Reads {@code 2024-H1}, {@code 2024-H2}, {@code 2024-Y} or {@code 2024}; null when it is none of them. */
    public static ReportPeriod parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TEXT.matcher(text.trim().toUpperCase());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2009 || year > 2100) {
            return null;
        }
        return new ReportPeriod(year, m.group(2) == null ? Part.Y : Part.valueOf(m.group(2)));
    }

    /** The half-year that holds a date. */
    public static ReportPeriod halfOf(LocalDate date) {
        return new ReportPeriod(date.getYear(), date.getMonthValue() <= 6 ? Part.H1 : Part.H2);
    }

    /** The last half-year that ended before a date. */
    public static ReportPeriod lastEndedHalfBefore(LocalDate date) {
        return date.getMonthValue() <= 6
                ? new ReportPeriod(date.getYear() - 1, Part.H2)
                : new ReportPeriod(date.getYear(), Part.H1);
    }

    public LocalDate start() {
        return part == Part.H2 ? LocalDate.of(year, 7, 1) : LocalDate.of(year, 1, 1);
    }

    public LocalDate end() {
        return part == Part.H1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** The next half-year. */
    public ReportPeriod nextHalf() {
        return part == Part.H1 ? new ReportPeriod(year, Part.H2) : new ReportPeriod(year + 1, Part.H1);
    }

    /** {@code 2024-H1}, {@code 2024-H2} or {@code 2024-Y}. */
    public String code() {
        return year + "-" + part.name();
    }

    /**
     * The period in the reader's language, as an argument of another message: "6 tháng cuối năm 2026", "Second half
     * of 2026" (the bundles' {@code progress.period.<part>}), never its code.
     */
    public MessageSourceResolvable inWords() {
        return new DefaultMessageSourceResolvable(
                new String[] {"progress.period." + part.name()}, new Object[] {year}, label());
    }

    /** Vietnamese label: "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "năm 2024". */
    public String label() {
        return switch (part) {
            case H1 -> "6 tháng đầu năm " + year;
            case H2 -> "6 tháng cuối năm " + year;
            case Y -> "năm " + year;
        };
    }

    @Override
    public int compareTo(ReportPeriod o) {
        int c = end().compareTo(o.end());
        return c != 0 ? c : part.compareTo(o.part);
    }

    @Override
    public String toString() {
        return code();
    }
}
