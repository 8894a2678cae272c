package org.amity.analytics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A two-way table of incident counts with row and column totals, after disclosure control: a suppressed figure
 * has no count. Rows are the values of a dimension; columns are districts or months.
 *
 * @param note how to read the table (multi-valued dimensions add up to more than the incidents)
 */
public record DisclosedTable(String rowDimension, String columnDimension, List<String> columns, List<Row> rows,
        Row totals, String note) {

    /** A count, or suppressed (then {@code incidents} is null). */
    public record Figure(Long incidents, boolean suppressed) {
        public static Figure of(long count, boolean suppressed) {
            return new Figure(suppressed ? null : count, suppressed);
        }
    }

    public record Row(String value, List<Figure> cells, Figure total) {
    }

    public static final String MULTI_VALUED_NOTE = "An incident with several %ss counts once in each of them and once"
            + " in the total: the rows add up to more than the total.";
    public static final String SINGLE_VALUED_NOTE = "Each incident counts once; incidents without a %s are in the"
            + " total only.";

    /**
     * Builds and protects a table.
     *
     * @param cells        counts by row value, then column
     * @param columnTotals incidents per column (each counted once, whatever the rows)
     */
    public static DisclosedTable protect(Dimension dimension, String columnDimension, List<String> rowValues,
            List<String> columns, Map<String, Map<String, Long>> cells, Map<String, Long> columnTotals, int threshold) {
        Map<String, Long> rowTotals = new java.util.HashMap<>();
        cells.forEach((value, row) -> rowTotals.put(value, columns.stream().mapToLong(c -> row.getOrDefault(c, 0L)).sum()));
        long grandTotal = columns.stream().mapToLong(c -> columnTotals.getOrDefault(c, 0L)).sum();
        return protect(dimension, columnDimension, rowValues, columns, cells, columnTotals, rowTotals, grandTotal,
                threshold);
    }

    /**
     * Builds and protects a table whose row totals are not the sums of their cells: columns that overlap (strands,
     * where a multi-strand incident is in two columns and once in its row's total).
     *
     * @param rowTotals  incidents per row value (each counted once, whatever the columns)
     * @param grandTotal incidents in all
     */
    public static DisclosedTable protect(Dimension dimension, String columnDimension, List<String> rowValues,
            List<String> columns, Map<String, Map<String, Long>> cells, Map<String, Long> columnTotals,
            Map<String, Long> rowTotals, long grandTotal, int threshold) {
        int m = rowValues.size();
        int n = columns.size();
        long[][] t = new long[m + 1][n + 1];
        for (int i = 0; i < m; i++) {
            Map<String, Long> row = cells.getOrDefault(rowValues.get(i), Map.of());
            for (int j = 0; j < n; j++) {
                t[i][j] = row.getOrDefault(columns.get(j), 0L);
            }
            t[i][n] = rowTotals.getOrDefault(rowValues.get(i), 0L);
        }
        for (int j = 0; j < n; j++) {
            t[m][j] = columnTotals.getOrDefault(columns.get(j), 0L);
        }
        t[m][n] = grandTotal;
        boolean[][] hidden = Disclosure.protect(t, threshold);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            rows.add(row(rowValues.get(i), t[i], hidden[i]));
        }
        String note = (dimension.multiValued() ? MULTI_VALUED_NOTE : SINGLE_VALUED_NOTE).formatted(dimension.code())
                + " Counts from 1 to " + threshold + ", and cells that would let one be worked out, are suppressed.";
        return new DisclosedTable(dimension.code(), columnDimension, List.copyOf(columns), rows,
                row("total incidents", t[m], hidden[m]), note);
    }

    private static Row row(String value, long[] counts, boolean[] hidden) {
        List<Figure> cells = new ArrayList<>();
        for (int j = 0; j < counts.length - 1; j++) {
            cells.add(Figure.of(counts[j], hidden[j]));
        }
        return new Row(value, cells, Figure.of(counts[counts.length - 1], hidden[counts.length - 1]));
    }
}
