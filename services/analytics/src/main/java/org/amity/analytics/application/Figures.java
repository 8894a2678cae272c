package org.amity.analytics.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.config.AnalyticsConfig;
import org.amity.analytics.domain.DisclosedTable;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.Disclosure;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.analytics.domain.Statistics;

/** The tables the API, the reports and the charts show: counted in the caller's scope, then protected. */
@ApplicationScoped
public class Figures {

    @Inject
    Statistics statistics;

    @Inject
    AnalyticsConfig config;

    /** A dimension by district for a period. */
    public DisclosedTable byDistrict(Scope scope, Dimension dimension, Period period) {
        Map<Dimension, List<Statistics.Cell>> counts = statistics.count(scope, period,
                List.of(dimension, Dimension.TOTAL));
        Map<String, Map<String, Long>> cells = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Statistics.Cell c : counts.get(dimension)) {
            cells.computeIfAbsent(c.value(), v -> new HashMap<>()).put(c.district(), c.incidents());
            seen.add(c.value());
        }
        Map<String, Long> totals = new HashMap<>();
        counts.get(Dimension.TOTAL).forEach(c -> totals.put(c.district(), c.incidents()));
        return DisclosedTable.protect(dimension, "district", rowValues(dimension, seen), scope.districts(), cells,
                totals, config.suppressionThreshold());
    }

    /** A dimension by month for a period (the trend of a chart). */
    public DisclosedTable byMonth(Scope scope, Dimension dimension, Period period) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = period.from(); m.isBefore(period.to()); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, Map<String, Long>> cells = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Statistics.MonthCount c : statistics.byMonth(scope, dimension, period.from(), period.to())) {
            cells.computeIfAbsent(c.value(), v -> new HashMap<>()).put(c.month().toString(), c.incidents());
            seen.add(c.value());
        }
        Map<String, Long> totals = new HashMap<>();
        statistics.byMonth(scope, Dimension.TOTAL, period.from(), period.to())
                .forEach(c -> totals.put(c.month().toString(), c.incidents()));
        return DisclosedTable.protect(dimension, "month", rowValues(dimension, seen), months, cells, totals,
                config.suppressionThreshold());
    }

    /**
     * A dimension within each strand for a period (outcome by strand, ...), summed over the scope's districts. Columns
     * are strands, so a multi-strand incident is in two columns and once in its row's total: rows add up to more than
     * their totals, and disclosure control counts only the equations that hold.
     */
    public DisclosedTable byStrand(Scope scope, Dimension dimension, Period period) {
        if (!dimension.crossesWithStrand()) {
            throw new IllegalArgumentException(dimension.code() + " does not cross with strand");
        }
        Map<String, Map<String, Long>> cells = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> strandsSeen = new LinkedHashSet<>();
        for (Statistics.StrandCell c : statistics.withinStrands(scope, dimension, period)) {
            cells.computeIfAbsent(c.value(), v -> new HashMap<>()).put(c.strand(), c.incidents());
            seen.add(c.value());
            strandsSeen.add(c.strand());
        }
        List<String> strands = rowValues(Dimension.STRAND, strandsSeen);
        Map<String, Long> perStrand = statistics.sum(scope, Dimension.STRAND, period);
        DisclosedTable table = DisclosedTable.protect(dimension, "strand", rowValues(dimension, seen), strands, cells,
                perStrand, statistics.sum(scope, dimension, period),
                statistics.sum(scope, Dimension.TOTAL, period).getOrDefault(Dimension.ALL, 0L), config.suppressionThreshold());
        return new DisclosedTable(table.rowDimension(), table.columnDimension(), table.columns(), table.rows(),
                table.totals(), "Columns are strands: an incident with several strands counts once in each of them and"
                        + " once in its row's total, so a row adds up to more than its total. " + table.note());
    }

    /**
     * The share of contacts made within one working day, per column and overall: met / (met + missed), in percent,
     * from the figures the table shows; none where either is suppressed (a share would give the suppressed figure
     * away) or there was no contact to make.
     */
    public static List<Long> shareMet(DisclosedTable contactTargets) {
        DisclosedTable.Row met = row(contactTargets, "met");
        DisclosedTable.Row missed = row(contactTargets, "missed");
        List<Long> shares = new ArrayList<>();
        for (int j = 0; j <= contactTargets.columns().size(); j++) {
            DisclosedTable.Figure a = figure(met, j, contactTargets.columns().size());
            DisclosedTable.Figure b = figure(missed, j, contactTargets.columns().size());
            shares.add(a.suppressed() || b.suppressed() || a.incidents() + b.incidents() == 0 ? null
                    : Math.round(a.incidents() * 100.0 / (a.incidents() + b.incidents())));
        }
        return shares;
    }

    private static DisclosedTable.Row row(DisclosedTable table, String value) {
        return table.rows().stream().filter(r -> r.value().equals(value)).findFirst().orElse(null);
    }

    /** Cell j of a row, its total for j = columns; a missing row is zero everywhere. */
    private static DisclosedTable.Figure figure(DisclosedTable.Row row, int j, int columns) {
        if (row == null) {
            return DisclosedTable.Figure.of(0, false);
        }
        return j == columns ? row.total() : row.cells().get(j);
    }

    /** One value of a dimension over a period against the period before, with the change in percent. */
    public record Change(String value, DisclosedTable.Figure current, DisclosedTable.Figure previous,
            Long changePercent) {
    }

    public record Comparison(String period, String previousPeriod, String dimension, List<Change> rows, Change total,
            String note) {
    }

    /**
     * Each value's incidents in a period and the period before (rolling twelve months against the previous twelve),
     * with the change in percent. The two columns are protected as a table whose column totals are shown.
     */
    public Comparison compare(Scope scope, Dimension dimension, Period period) {
        Period previous = period.previous();
        Map<String, Long> now = statistics.sum(scope, dimension, period);
        Map<String, Long> before = statistics.sum(scope, dimension, previous);
        Set<String> seen = new LinkedHashSet<>(now.keySet());
        seen.addAll(before.keySet());
        List<String> values = rowValues(dimension, seen);
        int m = values.size();
        long[][] t = new long[m + 1][3];
        boolean[][] unpublished = new boolean[m + 1][3];
        for (int i = 0; i < m; i++) {
            t[i][0] = now.getOrDefault(values.get(i), 0L);
            t[i][1] = before.getOrDefault(values.get(i), 0L);
            t[i][2] = t[i][0] + t[i][1];
            unpublished[i][2] = t[i][2] > 0;
        }
        t[m][0] = statistics.sum(scope, Dimension.TOTAL, period).getOrDefault(Dimension.ALL, 0L);
        t[m][1] = statistics.sum(scope, Dimension.TOTAL, previous).getOrDefault(Dimension.ALL, 0L);
        t[m][2] = t[m][0] + t[m][1];
        unpublished[m][2] = t[m][2] > 0;
        boolean[][] hidden = Disclosure.protect(t, config.suppressionThreshold(), unpublished);
        List<Change> rows = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            rows.add(change(values.get(i), t[i], hidden[i]));
        }
        return new Comparison(period.label(), previous.label(), dimension.code(), rows, change("total incidents", t[m],
                hidden[m]), "Change = (this period - previous) / previous, in percent; none when the previous period"
                        + " had no incidents or a figure is suppressed.");
    }

    private static Change change(String value, long[] counts, boolean[] hidden) {
        Long percent = hidden[0] || hidden[1] || counts[1] == 0 ? null
                : Math.round((counts[0] - counts[1]) * 100.0 / counts[1]);
        return new Change(value, DisclosedTable.Figure.of(counts[0], hidden[0]),
                DisclosedTable.Figure.of(counts[1], hidden[1]), percent);
    }

    /** Configured strands first (all of them, so that a table shows a strand with none), then what the data holds. */
    private List<String> rowValues(Dimension dimension, Set<String> seen) {
        Set<String> values = new LinkedHashSet<>();
        if (dimension == Dimension.STRAND) {
            values.addAll(config.strands());
        }
        seen.stream().sorted().forEach(values::add);
        return List.copyOf(values);
    }

    public int threshold() {
        return config.suppressionThreshold();
    }
}
