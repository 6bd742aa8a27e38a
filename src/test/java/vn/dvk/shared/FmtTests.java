package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FmtTests {

    private final Fmt fmt = new Fmt();

    @Test
    void numbersAndDatesAreWrittenTheVietnameseWay() {
        assertThat(fmt.number(1234567)).isEqualTo("1.234.567");
        assertThat(fmt.number(0)).isEqualTo("0");
        assertThat(fmt.number(999)).isEqualTo("999");
        assertThat(fmt.number(1000)).isEqualTo("1.000");
        assertThat(fmt.number(-123456)).isEqualTo("-123.456");
        assertThat(fmt.number(Long.MAX_VALUE)).isEqualTo("9.223.372.036.854.775.807");
        assertThat(fmt.number(Long.MIN_VALUE)).isEqualTo("-9.223.372.036.854.775.808");
        assertThat(fmt.number(new BigDecimal("9.8"))).isEqualTo("9,8");
        assertThat(fmt.date(LocalDate.of(2024, 1, 5))).isEqualTo("05/01/2024");
        assertThat(fmt.dateTime(Instant.parse("2024-12-31T17:30:00Z"))).isEqualTo("01/01/2025 00:30");
    }

    @Test
    void typedNumbersAreReadInEitherConvention() {
        assertThat(Fmt.parseNumber("1.234.567")).isEqualByComparingTo("1234567");
        assertThat(Fmt.parseNumber("1.234,5")).isEqualByComparingTo("1234.5");
        assertThat(Fmt.parseNumber("9,8")).isEqualByComparingTo("9.8");
        assertThat(Fmt.parseNumber("9.8")).isEqualByComparingTo("9.8");
        assertThatThrownBy(() -> Fmt.parseNumber("mười")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void percentIsSafeForEmptyWholes() {
        assertThat(fmt.percent(187, 191)).isEqualTo(98);
        assertThat(fmt.percent(3, 0)).isZero();
    }
}
