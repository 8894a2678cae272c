package org.amity.sharing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Acknowledgement is due by the end of the next working day (UK time), skipping weekends and bank holidays. */
class WorkingDaysTest {

    final WorkingDays days = new WorkingDays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

    @Test
    void aReferralSharedOnATuesdayIsDueByTheEndOfWednesday() {
        assertThat(days.dueBy(Instant.parse("2026-11-17T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
    }

    @Test
    void aReferralSharedOnAFridayIsDueByTheEndOfMonday() {
        assertThat(days.dueBy(Instant.parse("2026-11-20T16:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void bankHolidaysAreSkipped() {
        assertThat(days.dueBy(Instant.parse("2026-12-24T12:00:00Z"))).isEqualTo(Instant.parse("2026-12-30T00:00:00Z"));
    }
}
