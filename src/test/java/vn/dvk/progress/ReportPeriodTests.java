package vn.dvk.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTests {

    @Test
    void readsHalfYearsAndWholeYearsAndRefusesAnythingElse() {
        // given texts a client may send
        // when they are read
        // then half-years and years are understood, the year alone meaning the whole year
        assertThat(ReportPeriod.parse("2024-H1")).isEqualTo(new ReportPeriod(2024, ReportPeriod.Part.H1));
        assertThat(ReportPeriod.parse("2024-h2")).isEqualTo(new ReportPeriod(2024, ReportPeriod.Part.H2));
        assertThat(ReportPeriod.parse("2024")).isEqualTo(new ReportPeriod(2024, ReportPeriod.Part.Y));
        assertThat(ReportPeriod.parse("2024-Y").code()).isEqualTo("2024-Y");
        assertThat(ReportPeriod.parse("2024-Q1")).isNull();
        assertThat(ReportPeriod.parse("1999-H1")).isNull();
        assertThat(ReportPeriod.parse("30/06/2024")).isNull();
    }

    @Test
    void aHalfYearRunsFromItsFirstToItsLastDay() {
        // given the first half of 2024
        ReportPeriod h1 = new ReportPeriod(2024, ReportPeriod.Part.H1);

        // then it runs 01/01–30/06 and holds its ends but not 1 July
        assertThat(h1.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(h1.end()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(h1.contains(LocalDate.of(2024, 6, 30))).isTrue();
        assertThat(h1.contains(LocalDate.of(2024, 7, 1))).isFalse();
        assertThat(new ReportPeriod(2024, ReportPeriod.Part.Y).contains(LocalDate.of(2024, 12, 31)))
                .isTrue();
        assertThat(h1.nextHalf()).isEqualTo(new ReportPeriod(2024, ReportPeriod.Part.H2));
        assertThat(h1.nextHalf().nextHalf()).isEqualTo(new ReportPeriod(2025, ReportPeriod.Part.H1));
        assertThat(h1.label()).isEqualTo("6 tháng đầu năm 2024");
    }

    @Test
    void theLastEndedHalfYearIsTheOneBeforeTheDay() {
        // given days on each side of the turn of a half-year
        // then the half-year that ended last is the one before, never the one still running
        assertThat(ReportPeriod.lastEndedHalfBefore(LocalDate.of(2026, 6, 30)).code())
                .isEqualTo("2025-H2");
        assertThat(ReportPeriod.lastEndedHalfBefore(LocalDate.of(2026, 7, 1)).code())
                .isEqualTo("2026-H1");
        assertThat(ReportPeriod.lastEndedHalfBefore(LocalDate.of(2026, 11, 22)).code())
                .isEqualTo("2026-H1");
        assertThat(ReportPeriod.lastEndedHalfBefore(LocalDate.of(2027, 1, 1)).code())
                .isEqualTo("2026-H2");
        assertThat(ReportPeriod.halfOf(LocalDate.of(2024, 6, 30)).code()).isEqualTo("2024-H1");
    }
}
