package org.amity.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays days = new WorkingDays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

    @Test
    void aReportOnATuesdayIsDueByTheEndOfWednesday() {
        assertThat(days.contactDueBy(Instant.parse("2026-11-17T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
    }

    @Test
    void aReportOnFridayEveningIsDueByTheEndOfMonday() {
        assertThat(days.contactDueBy(Instant.parse("2026-11-20T22:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void christmasEveReportSkipsTheBankHolidaysAndTheWeekend() {
        // Thu 24 Dec 2026: Fri 25 holiday, weekend, Mon 28 substitute Boxing Day: due end of Tue 29
        assertThat(days.contactDueBy(Instant.parse("2026-12-24T09:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-30T00:00:00Z"));
    }

    @Test
    void theDayIsJudgedInUkTimeInSummer() {
        // 23:30 UTC on Mon 1 June 2026 is already Tue 2 June in London (BST): due end of Wed 3 June (23:00 UTC)
        assertThat(days.contactDueBy(Instant.parse("2026-06-01T23:30:00Z")))
                .isEqualTo(Instant.parse("2026-06-03T23:00:00Z"));
    }
}
