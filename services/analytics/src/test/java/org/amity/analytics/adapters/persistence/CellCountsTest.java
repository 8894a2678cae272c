package org.amity.analytics.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CellCountsTest {

    private static final String SEPARATOR = String.valueOf(CellCounts.ENTRY_SEPARATOR);

    private static String entries(String... entries) {
        return String.join(SEPARATOR, entries);
    }

    /** The rows as lists of their values, one list a row, to compare in any order. */
    private static List<List<Object>> rows(CellCounts.Rows rows, int width) {
        List<List<Object>> out = new ArrayList<>();
        List<Object[]> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            columns.add(rows.column(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = new ArrayList<>();
            for (Object[] column : columns) {
                row.add(column[r]);
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void eachCellCountsItsOwnFactsEntryByEntry() {
        CellCounts counts = new CellCounts(new String[] {"2024-05-01", "2024-05-01"},
                new String[] {"medway", "dover"}, Set.of());
        counts.add(0, 3, "police", entries("total=all", "strand=race", "strand.race=anti-black"));
        counts.add(0, 3, "police", entries("total=all", "strand=race", "strand=religion"));
        counts.add(1, 30, "police", entries("total=all", "outcome=1"));

        assertThat(rows(counts.monthly(), 5)).containsExactlyInAnyOrder(
                List.of("total", "2024-05-01", "medway", "all", 2L),
                List.of("strand", "2024-05-01", "medway", "race", 2L),
                List.of("strand", "2024-05-01", "medway", "religion", 1L),
                List.of("strand.race", "2024-05-01", "medway", "anti-black", 1L),
                List.of("total", "2024-05-01", "dover", "all", 1L),
                List.of("outcome", "2024-05-01", "dover", "1", 1L));
    }

    @Test
    void aValueKeepsEveryEqualsSignAfterTheFirst() {
        CellCounts counts = new CellCounts(new String[] {"2024-05-01"}, new String[] {"medway"}, Set.of());
        counts.add(0, 1, null, entries("local=a=b"));

        assertThat(rows(counts.monthly(), 5)).containsExactly(List.of("local", "2024-05-01", "medway", "a=b", 1L));
    }

    @Test
    void dailyCountsTakeTheStrandsAndTheTotalOnly() {
        CellCounts counts = new CellCounts(new String[] {"2024-02-01"}, new String[] {"medway"}, Set.of());
        counts.add(0, 1, null, entries("total=all", "strand=race", "strand.race=anti-black", "outcome=1"));
        counts.add(0, 1, null, entries("total=all", "strand=race"));
        counts.add(0, 29, null, entries("total=all", "strands=race"));

        assertThat(rows(counts.daily(), 5)).containsExactlyInAnyOrder(
                List.of("2024-02-01", "medway", "all", 1, 2L),
                List.of("2024-02-01", "medway", "race", 1, 2L),
                List.of("2024-02-01", "medway", "all", 29, 1L));
    }

    @Test
    void onlyTheCountedSourcesAreCountedApart() {
        CellCounts counts = new CellCounts(new String[] {"2024-05-01"}, new String[] {"medway"},
                Set.of("housing-1"));
        counts.add(0, 2, "housing-1", entries("total=all", "strand=race"));
        counts.add(0, 9, "housing-1", entries("total=all"));
        counts.add(0, 9, "police", entries("total=all"));
        counts.add(0, 9, null, entries("total=all"));

        assertThat(rows(counts.bySource(), 6)).containsExactlyInAnyOrder(
                List.of("housing-1", "total", "2024-05-01", "medway", "all", 2L),
                List.of("housing-1", "strand", "2024-05-01", "medway", "race", 1L));
        assertThat(rows(counts.monthly(), 5)).contains(List.of("total", "2024-05-01", "medway", "all", 4L));
    }

    @Test
    void aCellWithoutFactsOrEntriesHasNoRows() {
        CellCounts counts = new CellCounts(new String[] {"2024-05-01", "2024-06-01"},
                new String[] {"medway", "medway"}, Set.of("housing-1"));
        counts.add(1, 4, "housing-1", "");

        assertThat(counts.monthly().size()).isZero();
        assertThat(counts.daily().size()).isZero();
        assertThat(counts.bySource().size()).isZero();
    }

    @Test
    void emptyEntriesBetweenSeparatorsAreSkipped() {
        CellCounts counts = new CellCounts(new String[] {"2024-05-01"}, new String[] {"medway"}, Set.of());
        counts.add(0, 4, null, SEPARATOR + "total=all" + SEPARATOR + SEPARATOR);

        assertThat(rows(counts.monthly(), 5)).containsExactly(List.of("total", "2024-05-01", "medway", "all", 1L));
    }

    @Test
    void anEntryWithoutAValueOrADayOutsideTheMonthIsRefused() {
        CellCounts counts = new CellCounts(new String[] {"2024-05-01"}, new String[] {"medway"}, Set.of());
        counts.add(0, 4, null, "total");

        assertThatThrownBy(counts::monthly).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total");
        assertThatThrownBy(() -> counts.add(0, 0, null, "total=all")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counts.add(0, 32, null, "total=all")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CellCounts(new String[] {"2024-05-01"}, new String[0], Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrays.asList(counts.daily().column(0))).isEmpty();
    }
}
