package org.amity.analytics.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AreaChangesTest {

    private static final String SEPARATOR = String.valueOf(CellCounts.ENTRY_SEPARATOR);

    private static List<List<Object>> rows(CellCounts.Rows rows) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                row.add(rows.column(c)[r]);
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void anAreaMovesByItsRebuiltDistrictsNewCountsLessTheirStoredOnes() {
        AreaChanges changes = new AreaChanges(Map.of("medway", List.of("kent", "south-east"),
                "dover", List.of("kent")));
        changes.stored("strand", "2024-05-01", "medway", "race" + SEPARATOR + "religion", "3,1");
        changes.stored("total", "2024-05-01", "medway", "all", "4");
        changes.stored("strand", "2024-05-01", "dover", "race", "2");
        changes.stored("total", "2024-05-01", "dover", "all", "2");
        CellCounts counts = new CellCounts(new String[] {"2024-05-01", "2024-05-01"},
                new String[] {"medway", "dover"}, Set.of());
        for (int i = 0; i < 3; i++) {
            counts.add(0, 2, null, String.join(SEPARATOR, "total=all", "strand=race"));
        }
        counts.add(0, 2, null, String.join(SEPARATOR, "total=all", "strand=disability"));
        counts.add(0, 3, null, String.join(SEPARATOR, "total=all", "strand=race"));
        counts.add(1, 3, null, String.join(SEPARATOR, "total=all", "strand=race"));
        counts.add(1, 3, null, String.join(SEPARATOR, "total=all", "strand=race"));
        changes.fresh(counts.monthly());

        // medway: race 3 -> 4, religion 1 -> 0, disability 0 -> 1, total 4 -> 5; dover unchanged
        assertThat(rows(changes.rows())).containsExactlyInAnyOrder(
                List.of("kent", "strand", "2024-05-01", "race", 1L),
                List.of("kent", "strand", "2024-05-01", "religion", -1L),
                List.of("kent", "strand", "2024-05-01", "disability", 1L),
                List.of("kent", "total", "2024-05-01", "all", 1L),
                List.of("south-east", "strand", "2024-05-01", "race", 1L),
                List.of("south-east", "strand", "2024-05-01", "religion", -1L),
                List.of("south-east", "strand", "2024-05-01", "disability", 1L),
                List.of("south-east", "total", "2024-05-01", "all", 1L));
    }

    @Test
    void aDistrictInNoAreaChangesNothing() {
        AreaChanges changes = new AreaChanges(Map.of("medway", List.of("kent")));
        changes.stored("total", "2024-05-01", "thanet", "all", "4");

        assertThat(changes.rows().size()).isZero();
    }
}
