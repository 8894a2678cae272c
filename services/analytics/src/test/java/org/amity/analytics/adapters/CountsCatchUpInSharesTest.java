package org.amity.analytics.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.amity.analytics.application.CountsCatchUp;
import org.amity.analytics.application.Viewers;
import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.analytics.domain.Statistics;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * When more than a small round's cells are due, the catch-up rebuilds the rest in shares of the districts, side by
 * side: every cell is rebuilt once and every area sum is its districts' counts added up. Four cells a transaction
 * here (a small round is no larger than a transaction), so that a few dozen cells take that path.
 */
@QuarkusTest
@TestProfile(CountsCatchUpInSharesTest.SmallPages.class)
class CountsCatchUpInSharesTest {

    public static class SmallPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("amity.analytics.catch-up.cells-per-transaction", "4", "amity.analytics.catch-up.workers", "2");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Statistics statistics;

    @Inject
    CountsCatchUp catchUp;

    @Inject
    Viewers viewers;

    @Test
    void aRoundOfManyCellsIsRebuiltInSharesAndAddsUp() throws SQLException {
        Period year = TestFacts.freshYear(dataSource);
        Scope county = viewers.scopeOf("kent-community-safety").orElseThrow();
        List<CaseFacts> facts = new ArrayList<>();
        for (String district : county.districts()) {
            for (int month = 0; month < 3; month++) {
                for (int i = 0; i < 5; i++) {
                    facts.add(TestFacts.facts(year.firstDay().plusMonths(month).plusDays(i), district, null,
                            List.of(i % 2 == 0 ? "race" : "religion")));
                }
            }
        }
        statistics.recordAll(facts);

        assertThat(catchUp.catchUp()).as("12 districts times 3 months, each rebuilt once").isEqualTo(36);
        assertThat(count("select count(*) from dirty_cell where month >= ? and month < ?", year)).isZero();
        assertThat(count("""
                select count(*) from monthly_count where dimension = 'total' and incidents = 5
                and month >= ? and month < ?""", year)).as("every cell's total").isEqualTo(36);
        Scope sameDistricts = new Scope(county.area(), county.districts(), null);
        for (Dimension dimension : List.of(Dimension.TOTAL, Dimension.STRAND)) {
            assertThat(statistics.byMonth(county, dimension, year.from(), year.to())).as(dimension.code())
                    .isEqualTo(statistics.byMonth(sameDistricts, dimension, year.from(), year.to()));
        }
        assertThat(statistics.sum(county, Dimension.TOTAL, year)).containsEntry("all", 180L);
    }

    long count(String sql, Period year) throws SQLException {
        return TestFacts.scalar(dataSource, sql, year.firstDay(), year.endDay());
    }
}
