package org.amity.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The first-contact deadline over many receipts: weekends, bank holidays, year ends and the edges of the
 * day (midnight, one nanosecond before it, the clock changes of March and October).
 */
class WorkingDaysProperties {

    /** England and Wales bank holidays 2025-2028, as shipped. */
    static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 5),
            LocalDate.of(2025, 5, 26), LocalDate.of(2025, 8, 25), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 3),
            LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 30), LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28),
            LocalDate.of(2028, 1, 3));

    final WorkingDays days = new WorkingDays(HOLIDAYS);

    @Provide
    Arbitrary<Instant> receipts() {
        Arbitrary<LocalDate> anyDay = Arbitraries.integers().between(0, 3 * 365)
                .map(n -> LocalDate.of(2025, 1, 1).plusDays(n));
        Arbitrary<LocalDate> edgeDays = Arbitraries.of(LocalDate.of(2025, 12, 24), LocalDate.of(2025, 12, 31),
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 24),
                LocalDate.of(2027, 12, 31), LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29),
                LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 4, 2), LocalDate.of(2027, 3, 25));
        Arbitrary<LocalTime> anyTime = Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay);
        Arbitrary<LocalTime> edgeTimes = Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(23, 59, 59),
                LocalTime.of(0, 0, 1), LocalTime.of(1, 30), LocalTime.of(0, 59, 59), LocalTime.NOON);
        return Combinators.combine(Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, anyDay), net.jqwik.api.Tuple.of(2, edgeDays)),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, anyTime), net.jqwik.api.Tuple.of(2, edgeTimes)))
                .as((day, time) -> ZonedDateTime.of(day, time, WorkingDays.UK).toInstant());
    }

    @Property(tries = 2000)
    void theDeadlineIsTheEndOfAWorkingDayAfterTheDayOfReceipt(@ForAll("receipts") Instant received) {
        Instant due = days.contactDueBy(received);
        ZonedDateTime end = due.atZone(WorkingDays.UK);
        LocalDate dueDay = end.toLocalDate().minusDays(1);

        assertThat(end.toLocalTime()).as("ends at local midnight").isEqualTo(LocalTime.MIDNIGHT);
        assertThat(days.isWorkingDay(dueDay)).as("%s is a working day", dueDay).isTrue();
        assertThat(dueDay).isAfter(received.atZone(WorkingDays.UK).toLocalDate());
        assertThat(due).isAfter(received);
    }

    @Property(tries = 2000)
    void exactlyOneWorkingDayIsGivenAfterTheDayOfReceipt(@ForAll("receipts") Instant received) {
        LocalDate receivedOn = received.atZone(WorkingDays.UK).toLocalDate();
        LocalDate dueDay = days.contactDueBy(received).atZone(WorkingDays.UK).toLocalDate().minusDays(1);
        long workingDaysBetween = receivedOn.plusDays(1).datesUntil(dueDay.plusDays(1)).filter(days::isWorkingDay).count();

        assertThat(workingDaysBetween).isEqualTo(1);
        assertThat(dueDay.toEpochDay() - receivedOn.toEpochDay()).as("never more than a long holiday weekend away")
                .isBetween(1L, 5L);
    }

    @Property(tries = 1000)
    void receiptsOnTheSameLocalDayShareTheirDeadline(@ForAll("receipts") Instant received) {
        LocalDate day = received.atZone(WorkingDays.UK).toLocalDate();
        Instant first = day.atStartOfDay(WorkingDays.UK).toInstant();
        Instant last = day.plusDays(1).atStartOfDay(WorkingDays.UK).toInstant().minusNanos(1);

        assertThat(days.contactDueBy(first)).isEqualTo(days.contactDueBy(received)).isEqualTo(days.contactDueBy(last));
    }

    @Property(tries = 1000)
    void weekendsAndBankHolidaysAreNeverWorkingDays(@ForAll("receipts") Instant any) {
        LocalDate day = any.atZone(WorkingDays.UK).toLocalDate();
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        assertThat(days.isWorkingDay(day)).isEqualTo(!weekend && !HOLIDAYS.contains(day));
    }
}
