package org.amity.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aFinancialYearRunsFromAprilToMarch() {
        Period year = Period.parse("FY2017-18").orElseThrow();
        assertThat(year.from()).isEqualTo(YearMonth.of(2017, 4));
        assertThat(year.to()).isEqualTo(YearMonth.of(2018, 4));
        assertThat(Period.financialYearOf(YearMonth.of(2018, 3))).isEqualTo(year);
        assertThat(Period.financialYearOf(YearMonth.of(2018, 4)).label()).isEqualTo("FY2018-19");
    }

    @Test
    void quartersAreFinancialQuarters() {
        assertThat(Period.parse("FY2017-18-Q1").orElseThrow().from()).isEqualTo(YearMonth.of(2017, 4));
        Period q4 = Period.parse("FY2017-18-Q4").orElseThrow();
        assertThat(q4.from()).isEqualTo(YearMonth.of(2018, 1));
        assertThat(q4.to()).isEqualTo(YearMonth.of(2018, 4));
    }

    @Test
    void aRollingYearIsTheTwelveMonthsToAMonthAndItsPreviousIsTheTwelveBefore() {
        Period rolling = Period.parse("R12-2024-05").orElseThrow();
        assertThat(rolling.from()).isEqualTo(YearMonth.of(2023, 6));
        assertThat(rolling.to()).isEqualTo(YearMonth.of(2024, 6));
        assertThat(rolling.previous().from()).isEqualTo(YearMonth.of(2022, 6));
        assertThat(rolling.previous().to()).isEqualTo(YearMonth.of(2023, 6));
    }

    @Test
    void theWholeQuartersOfAPeriodAreTheCalendarQuartersInsideIt() {
        assertThat(Period.parse("FY2017-18").orElseThrow().wholeQuarters())
                .isEqualTo(new Period.Quarters(LocalDate.of(2017, 4, 1), LocalDate.of(2018, 4, 1)));
        // June 2023 to May 2024: the quarters from July to March, a month before them and two after
        assertThat(Period.parse("R12-2024-05").orElseThrow().wholeQuarters())
                .isEqualTo(new Period.Quarters(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 4, 1)));
        assertThat(Period.parse("2024-05").orElseThrow().wholeQuarters())
                .as("none: both ends the period's first day")
                .isEqualTo(new Period.Quarters(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 1)));
        assertThat(new Period("p", YearMonth.of(2024, 2), YearMonth.of(2024, 6)).wholeQuarters())
                .as("February to May holds no whole quarter")
                .isEqualTo(new Period.Quarters(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 1)));
        assertThat(new Period("p", YearMonth.of(2024, 1), YearMonth.of(2024, 4)).wholeQuarters())
                .isEqualTo(new Period.Quarters(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1)));
    }

    @Test
    void nonsenseIsNoPeriod() {
        assertThat(Period.parse("FY2017-19")).isEmpty();
        assertThat(Period.parse("2024-13")).isEmpty();
        assertThat(Period.parse("FY2017-18-Q5")).isEmpty();
        assertThat(Period.parse("last year")).isEmpty();
        assertThat(Period.parse("0001-01")).isEmpty();
    }
}
