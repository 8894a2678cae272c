package org.amity.sharing.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays (the calendar is data,
 * loaded by the service). Times are judged in UK local time. A copy of the case service's class (services share
 * contracts, never domain classes); the referral acknowledgement target is the same rule as the first-contact one.
 */
public final class WorkingDays {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    private final Set<LocalDate> bankHolidays;

    public WorkingDays(Set<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }

    /** The acknowledgement deadline: the end of the next working day after the day of receipt (one working day). */
    public Instant dueBy(Instant receivedAt) {
        LocalDate day = receivedAt.atZone(UK).toLocalDate().plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        // end of that day: the first instant of the next calendar day, exclusive
        return ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, UK).toInstant();
    }
}
