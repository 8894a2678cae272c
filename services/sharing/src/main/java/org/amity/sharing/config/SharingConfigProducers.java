package org.amity.sharing.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.amity.sharing.domain.WorkingDays;

import io.quarkus.arc.DefaultBean;

/** The clock and the England and Wales bank-holiday calendar ({@code bank-holidays/england-and-wales.txt}). */
public class SharingConfigProducers {

    static final String CALENDAR = "bank-holidays/england-and-wales.txt";

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    WorkingDays workingDays() {
        InputStream in = SharingConfigProducers.class.getClassLoader().getResourceAsStream(CALENDAR);
        if (in == null) {
            throw new IllegalStateException(CALENDAR + " is missing from the service");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<LocalDate> days = new HashSet<>();
            reader.lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .forEach(l -> days.add(LocalDate.parse(l)));
            return new WorkingDays(days);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
