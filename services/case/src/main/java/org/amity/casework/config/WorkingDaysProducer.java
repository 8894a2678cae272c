package org.amity.casework.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.amity.casework.domain.WorkingDays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bank-holiday calendar: the England and Wales dates that ship with the service
 * ({@code bank-holidays/england-and-wales.txt}) plus any configured in {@code amity.case.extra-bank-holidays}.
 */
public class WorkingDaysProducer {

    static final String CALENDAR = "bank-holidays/england-and-wales.txt";

    @Produces
    @ApplicationScoped
    WorkingDays workingDays(@ConfigProperty(name = "amity.case.extra-bank-holidays") Optional<List<LocalDate>> extra) {
        Set<LocalDate> days = new HashSet<>(shipped());
        extra.ifPresent(days::addAll);
        return new WorkingDays(days);
    }

    static Set<LocalDate> shipped() {
        InputStream in = WorkingDaysProducer.class.getClassLoader().getResourceAsStream(CALENDAR);
        if (in == null) {
            throw new IllegalStateException(CALENDAR + " is missing from the service");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<LocalDate> days = new HashSet<>();
            reader.lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .forEach(l -> days.add(LocalDate.parse(l)));
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
