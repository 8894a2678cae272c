package org.amity.sharing.config;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.amity.common.calendar.BankHolidays;
import org.amity.sharing.domain.WorkingDays;

import io.quarkus.arc.DefaultBean;

/** The clock and the working days (the England and Wales bank holidays shipped in {@link BankHolidays}). */
public class SharingConfigProducers {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    WorkingDays workingDays() {
        return new WorkingDays(BankHolidays.englandAndWales(List.of()));
    }
}
