package org.amity.common.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The England and Wales bank holidays every service judges working days by, shipped once as data
 * ({@code bank-holidays/england-and-wales.txt}: one ISO date a line, {@code #} starts a comment). Each service keeps
 * its own working-day rule in its domain; only the calendar is shared, so that there is one file to update a year.
 */
public final class BankHolidays {

    static final String CALENDAR = "bank-holidays/england-and-wales.txt";

    private BankHolidays() {
    }

    /** The shipped calendar plus the extra days a deployment configures (a one-off royal occasion, say). */
    public static Set<LocalDate> englandAndWales(Collection<LocalDate> extra) {
        InputStream in = BankHolidays.class.getClassLoader().getResourceAsStream(CALENDAR);
        if (in == null) {
            throw new IllegalStateException(CALENDAR + " is missing from the service");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<LocalDate> days = new HashSet<>(extra);
            reader.lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .forEach(l -> days.add(LocalDate.parse(l)));
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
