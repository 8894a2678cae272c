package org.amity.analytics.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuarterSumsTest {

    private static final String SEPARATOR = String.valueOf(CellCounts.ENTRY_SEPARATOR);

    private static List<List<Object>> rows(CellCounts.Rows rows, int width) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                row.add(rows.column(c)[r]);
            }
            out.add(row);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"2024-01-01, 2024-01-01", "2024-03-01, 2024-01-01", "2024-04-01, 2024-04-01",
            "2024-08-01, 2024-07-01", "2024-12-01, 2024-10-01"})
    void aMonthBelongsToTheQuarterItStarts(String month, String quarter) {
        assertThat(QuarterSums.quarterOf(month)).isEqualTo(quarter);
    }

    @Test
    void onlyTheMonthsNotRebuiltAreReadFromTheirStoredCells() {
        QuarterSums sums = new QuarterSums(new String[] {"2024-05-01", "2024-04-01", "2024-05-01"},
                new String[] {"medway", "medway", "dover"});

        assertThat(sums.quarters()).containsExactly(new QuarterSums.Quarter("2024-04-01", "medway"),
                new QuarterSums.Quarter("2024-04-01", "dover"));
        assertThat(rows(sums.storedMonths(), 3)).containsExactly(
                List.of("2024-06-01", "medway", 0),
                List.of("2024-04-01", "dover", 1),
                List.of("2024-06-01", "dover", 1));
    }

    @Test
    void aQuarterSumsItsRebuiltAndItsStoredMonthsValueByValue() {
        CellCounts counts = new CellCounts(new String[] {"2024-05-01"}, new String[] {"medway"}, Set.of());
        counts.add(0, 2, null, String.join(SEPARATOR, "total=all", "strand=race"));
        counts.add(0, 9, null, String.join(SEPARATOR, "total=all", "strand=religion"));
        QuarterSums sums = new QuarterSums(new String[] {"2024-05-01"}, new String[] {"medway"});
        sums.addMonths(counts.monthly());
        sums.addStored(0, "strand", "race" + SEPARATOR + "disability", "3,1");
        sums.addStored(0, "total", "all", "4");

        assertThat(rows(sums.rows(), 5)).containsExactlyInAnyOrder(
                List.of("total", "2024-04-01", "medway", "all", 6L),
                List.of("strand", "2024-04-01", "medway", "race", 4L),
                List.of("strand", "2024-04-01", "medway", "religion", 1L),
                List.of("strand", "2024-04-01", "medway", "disability", 1L));
        assertThat(rows(sums.quarterRows(), 2)).containsExactly(List.of("2024-04-01", "medway"));
    }

    @Test
    void aStoredCellWhoseValuesAndCountsDoNotPairIsRefused() {
        QuarterSums sums = new QuarterSums(new String[] {"2024-05-01"}, new String[] {"medway"});

        assertThatThrownBy(() -> sums.addStored(0, "strand", "race" + SEPARATOR + "religion", "3"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("medway");
    }

    @Test
    void aMonthOutsideTheRebuiltQuartersIsRefused() {
        CellCounts counts = new CellCounts(new String[] {"2024-08-01"}, new String[] {"medway"}, Set.of());
        counts.add(0, 2, null, "total=all");
        QuarterSums sums = new QuarterSums(new String[] {"2024-05-01"}, new String[] {"medway"});

        assertThatThrownBy(() -> sums.addMonths(counts.monthly())).isInstanceOf(IllegalArgumentException.class);
    }
}
