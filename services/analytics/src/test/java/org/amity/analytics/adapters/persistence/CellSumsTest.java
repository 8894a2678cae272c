package org.amity.analytics.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.amity.analytics.domain.Statistics.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellSumsTest {

    private static final String SEPARATOR = "\u001f";

    @Test
    void cellsOfOneDistrictAddUpValueByValue() {
        SqlStatistics.CellSums sums = new SqlStatistics.CellSums();
        sums.add("medway", "race" + SEPARATOR + "religion", "3,1");
        sums.add("ashford", "religion", "12");
        sums.add("medway", "disability" + SEPARATOR + "race", "5,40");
        sums.add("dover", "", "");

        assertThat(sums.cells()).containsExactlyInAnyOrder(
                new Cell("disability", "medway", 5),
                new Cell("race", "medway", 43),
                new Cell("religion", "ashford", 12),
                new Cell("religion", "medway", 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "race;religion | 3",
            "race | 3,1",
            "race | ''",
            "'' | 3",
            "race | 3,",
            "race;religion | 3,,1",
            "race | -3",
            "race | '3 '",
    })
    void aStoredCellWhoseValuesAndCountsDoNotPairUpIsAnError(String values, String incidents) {
        SqlStatistics.CellSums sums = new SqlStatistics.CellSums();

        assertThatThrownBy(() -> sums.add("medway", values.replace(";", SEPARATOR), incidents))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("medway does not pair its values");
    }
}
