package vn.dvk.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Vietnamese formats for pages, as {@code @fmt} in templates: dates dd/MM/yyyy, numbers 1.234.567. */
@Component("fmt")
public class Fmt {

    /** Vietnam's time zone, in which times are shown. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(ZONE));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    /** 1234567 as "1.234.567", without a {@code DecimalFormat} (a page may format hundreds of figures). */
    public String number(long n) {
        if (n == Long.MIN_VALUE) {
            return format().format(n);
        }
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append('.').append(digits, i, i + 3);
        }
        return out.toString();
    }

    public String number(BigDecimal n) {
        return n == null ? "" : format().format(n);
    }

    /**
     * Reads a number typed the Vietnamese way ("1.234,5") or the plain way ("9.8"); dots followed by groups of
     * three digits are thousands separators.
     */
    public static BigDecimal parseNumber(String text) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("empty");
        }
        String t = text.trim().replace(" ", "");
        if (t.contains(",")) {
            t = t.replace(".", "").replace(',', '.');
        } else if (t.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            t = t.replace(".", "");
        }
        return new BigDecimal(t);
    }

    /** Share of {@code part} in {@code whole}, in whole percent, for bars. */
    public long percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(part * 100.0 / whole);
    }

    private static DecimalFormat format() {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat("#,##0.##", symbols);
        return f;
    }
}
