package org.amity.analytics.adapters.persistence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calendar quarters' sums of the districts whose months are being rebuilt, made in the service: the rebuilt
 * months' counts come from {@link CellCounts} (already in memory), the quarter's other months from their stored cells.
 */
final class QuarterSums {

    /** A district's calendar quarter, named by its first day. */
    record Quarter(String firstDay, String district) {
    }

    private final Map<Quarter, Map<String, Map<String, long[]>>> sums = new LinkedHashMap<>();
    private final Set<String> rebuilt = new HashSet<>();
    private final List<Quarter> order;

    /** The quarters of the rebuilt cells ({@code months[i]}, {@code districts[i]}, months as ISO first days). */
    QuarterSums(String[] months, String[] districts) {
        for (int i = 0; i < months.length; i++) {
            sums.putIfAbsent(new Quarter(quarterOf(months[i]), districts[i]), new HashMap<>());
            rebuilt.add(months[i] + ' ' + districts[i]);
        }
        order = List.copyOf(sums.keySet());
    }

    static String quarterOf(String month) {
        LocalDate day = LocalDate.parse(month);
        return day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).toString();
    }

    List<Quarter> quarters() {
        return order;
    }

    /**
     * The months of the quarters whose counts are not being rebuilt, so are read from their stored cells: each as
     * month, district and the index of its quarter in {@link #quarters()}.
     */
    CellCounts.Rows storedMonths() {
        CellCounts.Rows rows = new CellCounts.Rows(3);
        int index = 0;
        for (Quarter quarter : sums.keySet()) {
            LocalDate first = LocalDate.parse(quarter.firstDay());
            for (int m = 0; m < 3; m++) {
                String month = first.plusMonths(m).toString();
                if (!rebuilt.contains(month + ' ' + quarter.district())) {
                    rows.add(month, quarter.district(), index);
                }
            }
            index++;
        }
        return rows;
    }

    /** Adds the rebuilt months' counts: rows of dimension, month, district, value, incidents. */
    void addMonths(CellCounts.Rows monthly) {
        Object[] dimensions = monthly.column(0);
        Object[] months = monthly.column(1);
        Object[] districts = monthly.column(2);
        Object[] values = monthly.column(3);
        Object[] incidents = monthly.column(4);
        Map<Object, String> quarterOfMonth = new HashMap<>();
        for (int r = 0; r < dimensions.length; r++) {
            String quarter = quarterOfMonth.computeIfAbsent(months[r], month -> quarterOf((String) month));
            add(new Quarter(quarter, (String) districts[r]), (String) dimensions[r], (String) values[r],
                    (Long) incidents[r]);
        }
    }

    /** Adds a stored month's cell of one dimension, its values and counts as stored strings (see CellSums). */
    void addStored(int quarterIndex, String dimension, String values, String incidents) {
        Quarter quarter = order.get(quarterIndex);
        SqlStatistics.CellSums.forEachPair(quarter.district(), values, incidents,
                (value, count) -> add(quarter, dimension, value, count));
    }

    private void add(Quarter quarter, String dimension, String value, long incidents) {
        Map<String, Map<String, long[]>> byDimension = sums.get(quarter);
        if (byDimension == null) {
            throw new IllegalArgumentException("a month outside the rebuilt quarters: " + quarter);
        }
        byDimension.computeIfAbsent(dimension, d -> new HashMap<>()).computeIfAbsent(value, v -> new long[1])[0]
                += incidents;
    }

    /** The sums, a row per quarter, district, dimension and value: dimension, quarter, district, value, incidents. */
    CellCounts.Rows rows() {
        CellCounts.Rows rows = new CellCounts.Rows(5);
        sums.forEach((quarter, byDimension) -> byDimension.forEach((dimension, byValue) -> byValue.forEach(
                (value, incidents) -> rows.add(dimension, quarter.firstDay(), quarter.district(), value,
                        incidents[0]))));
        return rows;
    }

    /** The quarters as two columns, first day and district, in the order of {@link #quarters()}. */
    CellCounts.Rows quarterRows() {
        CellCounts.Rows rows = new CellCounts.Rows(2);
        for (Quarter quarter : sums.keySet()) {
            rows.add(quarter.firstDay(), quarter.district());
        }
        return rows;
    }
}
