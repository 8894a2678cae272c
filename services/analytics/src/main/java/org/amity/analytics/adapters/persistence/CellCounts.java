package org.amity.analytics.adapters.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counts of the cells being rebuilt, made in the service from their facts: each fact's {@code counted} entries
 * ({@code dimension=value}, joined by the unit separator) are counted per cell, per cell and strand a day, and per
 * counted source. The catch-up then hands PostgreSQL one row per distinct value, not one per entry: a cell of 40
 * cases holds some 600 entries and 60 distinct values.
 *
 * <p>What counts where is the same as it was in SQL: the monthly counts take every entry, split at its first
 * {@code =}; the daily counts take the entries of {@code strand=} and {@code total=all}, the strand being the value;
 * the source counts take every entry of a fact whose source is counted on its own.
 */
final class CellCounts {

    static final char ENTRY_SEPARATOR = '\u001f';

    private final String[] months;
    private final String[] districts;
    private final Set<String> countedSources;
    private final List<Map<String, long[]>> entries = new ArrayList<>();
    private final List<Map<String, long[]>> days = new ArrayList<>();
    private final List<Map<String, Map<String, long[]>>> sources = new ArrayList<>();

    /** The cells ({@code months[i]}, {@code districts[i]}), and the sources whose reports are counted apart. */
    CellCounts(String[] months, String[] districts, Set<String> countedSources) {
        if (months.length != districts.length) {
            throw new IllegalArgumentException("a cell needs a month and a district");
        }
        this.months = months;
        this.districts = districts;
        this.countedSources = countedSources;
        for (int i = 0; i < months.length; i++) {
            entries.add(new HashMap<>());
            days.add(new HashMap<>());
            sources.add(new HashMap<>());
        }
    }

    /** Counts one fact of cell {@code cell}, received on {@code dayOfMonth}, its entries joined by the separator. */
    void add(int cell, int dayOfMonth, String source, String counted) {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new IllegalArgumentException("not a day of a month: " + dayOfMonth);
        }
        Map<String, long[]> cellEntries = entries.get(cell);
        Map<String, long[]> cellDays = days.get(cell);
        Map<String, long[]> sourceEntries = source != null && countedSources.contains(source)
                ? sources.get(cell).computeIfAbsent(source, s -> new HashMap<>())
                : null;
        int start = 0;
        int length = counted.length();
        while (start < length) {
            int end = counted.indexOf(ENTRY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                String entry = counted.substring(start, end);
                entries(cellEntries, entry)[0]++;
                if (sourceEntries != null) {
                    entries(sourceEntries, entry)[0]++;
                }
                if (entry.startsWith("strand=") || entry.equals("total=all")) {
                    cellDays.computeIfAbsent(entry.substring(entry.indexOf('=') + 1), s -> new long[32])[dayOfMonth]++;
                }
            }
            start = end + 1;
        }
    }

    private static long[] entries(Map<String, long[]> counts, String entry) {
        long[] count = counts.get(entry);
        if (count == null) {
            count = new long[1];
            counts.put(entry, count);
        }
        return count;
    }

    /** The monthly counts, a row per cell, dimension and value: dimension, month, district, value, incidents. */
    Rows monthly() {
        Rows rows = new Rows(5);
        for (int cell = 0; cell < months.length; cell++) {
            for (Map.Entry<String, long[]> e : entries.get(cell).entrySet()) {
                String entry = e.getKey();
                int split = entry.indexOf('=');
                if (split < 0) {
                    throw new IllegalArgumentException("an entry without a value: " + entry);
                }
                rows.add(entry.substring(0, split), months[cell], districts[cell], entry.substring(split + 1),
                        e.getValue()[0]);
            }
        }
        return rows;
    }

    /** The daily counts, a row per cell, strand and day: month, district, strand, day of the month, incidents. */
    Rows daily() {
        Rows rows = new Rows(5);
        for (int cell = 0; cell < months.length; cell++) {
            for (Map.Entry<String, long[]> e : days.get(cell).entrySet()) {
                long[] counts = e.getValue();
                for (int day = 1; day < counts.length; day++) {
                    if (counts[day] > 0) {
                        rows.add(months[cell], districts[cell], e.getKey(), day, counts[day]);
                    }
                }
            }
        }
        return rows;
    }

    /** The counted sources' counts: source, dimension, month, district, value, incidents. */
    Rows bySource() {
        Rows rows = new Rows(6);
        for (int cell = 0; cell < months.length; cell++) {
            for (Map.Entry<String, Map<String, long[]>> s : sources.get(cell).entrySet()) {
                for (Map.Entry<String, long[]> e : s.getValue().entrySet()) {
                    String entry = e.getKey();
                    int split = entry.indexOf('=');
                    if (split < 0) {
                        throw new IllegalArgumentException("an entry without a value: " + entry);
                    }
                    rows.add(s.getKey(), entry.substring(0, split), months[cell], districts[cell],
                            entry.substring(split + 1), e.getValue()[0]);
                }
            }
        }
        return rows;
    }

    /** Rows as columns, each column one array parameter of a statement ({@code unnest} makes the rows again). */
    static final class Rows {

        private final List<List<Object>> columns = new ArrayList<>();

        Rows(int width) {
            for (int i = 0; i < width; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.length + " for " + columns.size() + " columns");
            }
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        int size() {
            return columns.get(0).size();
        }

        Object[] column(int index) {
            return columns.get(index).toArray();
        }
    }
}
