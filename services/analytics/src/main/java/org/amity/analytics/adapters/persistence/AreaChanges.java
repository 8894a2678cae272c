package org.amity.analytics.adapters.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the rebuilt cells change their areas' sums: for each area a rebuilt district is in, its new counts less its
 * stored ones, value by value. An area's sum of a month then moves by the change of the districts rebuilt, instead of
 * being summed again over every district of the area (a national area has 300; the whole month was read for every
 * cell rebuilt in it). The sums stay exact as long as they start exact: {@code adoptAreas} makes them from the
 * districts' counts when an area is new or changed, and each change is applied in the transaction that changes the
 * cells, read under the catch-up's lock.
 */
final class AreaChanges {

    private record Key(String area, String dimension, String month, String value) {
    }

    private final Map<String, List<String>> areasOfDistrict;
    private final Map<Key, long[]> changes = new HashMap<>();

    /** {@code areasOfDistrict}: the areas each rebuilt district is in (a district in none may be left out). */
    AreaChanges(Map<String, List<String>> areasOfDistrict) {
        this.areasOfDistrict = areasOfDistrict;
    }

    /** The stored counts of one cell and dimension, values and counts as stored strings (see CellSums). */
    void stored(String dimension, String month, String district, String values, String incidents) {
        SqlStatistics.CellSums.forEachPair(district, values, incidents,
                (value, count) -> change(dimension, month, district, value, -count));
    }

    /** The new counts: rows of dimension, month, district, value, incidents (as {@link CellCounts#monthly}). */
    void fresh(CellCounts.Rows monthly) {
        Object[] dimensions = monthly.column(0);
        Object[] months = monthly.column(1);
        Object[] districts = monthly.column(2);
        Object[] values = monthly.column(3);
        Object[] incidents = monthly.column(4);
        for (int r = 0; r < dimensions.length; r++) {
            change((String) dimensions[r], (String) months[r], (String) districts[r], (String) values[r],
                    (Long) incidents[r]);
        }
    }

    private void change(String dimension, String month, String district, String value, long by) {
        for (String area : areasOfDistrict.getOrDefault(district, List.of())) {
            changes.computeIfAbsent(new Key(area, dimension, month, value), k -> new long[1])[0] += by;
        }
    }

    /** The changes that are not zero: area, dimension, month, value, change. */
    CellCounts.Rows rows() {
        CellCounts.Rows rows = new CellCounts.Rows(5);
        changes.forEach((key, by) -> {
            if (by[0] != 0) {
                rows.add(key.area(), key.dimension(), key.month(), key.value(), by[0]);
            }
        });
        return rows;
    }
}
