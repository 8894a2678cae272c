package org.amity.analytics.adapters;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Period;

import io.agroal.api.AgroalDataSource;

/**
 * Facts for component tests. The database outlives a test run, so each test class counts in a financial year of
 * its own, picked at random in the past century and emptied first.
 */
final class TestFacts {

    private TestFacts() {
    }

    /** A financial year nobody else counts in, emptied. */
    static Period freshYear(AgroalDataSource dataSource) {
        Period year = Period.financialYear(ThreadLocalRandom.current().nextInt(1901, 1999));
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("delete from monthly_count where month >= ? and month < ?",
                    "delete from daily_count where day >= ? and day < ?",
                    "delete from case_fact where received_on >= ? and received_on < ?")) {
                try (PreparedStatement delete = c.prepareStatement(sql)) {
                    delete.setDate(1, Date.valueOf(year.firstDay()));
                    delete.setDate(2, Date.valueOf(year.endDay()));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return year;
    }

    static CaseFacts facts(LocalDate receivedOn, String district, String sourceOrganisation, List<String> strands) {
        return facts(UUID.randomUUID(), receivedOn, district, sourceOrganisation, strands);
    }

    static CaseFacts facts(UUID key, LocalDate receivedOn, String district, String sourceOrganisation,
            List<String> strands) {
        return new CaseFacts(key, receivedOn, receivedOn, district,
                strands.stream().map(s -> new CaseFacts.Strand(s, null)).toList(), List.of("verbal-abuse"), true,
                sourceOrganisation == null ? "third-party-reporting-centre" : "housing-provider", sourceOrganisation,
                null, null, null, false, true, false);
    }
}
