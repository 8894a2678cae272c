package org.amity.casework.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.amity.casework.domain.WorkingDays;
import org.amity.common.calendar.BankHolidays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bank-holiday calendar: the England and Wales dates shipped in {@link BankHolidays} (services/common)
 * plus any configured in {@code amity.case.extra-bank-holidays}.
 */
public class WorkingDaysProducer {

    @Produces
    @ApplicationScoped
    WorkingDays workingDays(@ConfigProperty(name = "amity.case.extra-bank-holidays") Optional<List<LocalDate>> extra) {
        return new WorkingDays(BankHolidays.englandAndWales(extra.orElse(List.of())));
    }
}
