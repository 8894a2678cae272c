package org.amity.analytics.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The figures store: facts in, pre-aggregated counts out. Counts follow the facts a moment later: recording marks what
 * changed, {@link #catchUp} brings the counts up to date.
 */
public interface Statistics {

    /** The facts of a case as one event stated them, with that event's id (null when no event stated them). */
    record Stated(UUID eventId, CaseFacts facts) {
    }

    /**
     * Records (or replaces) the facts of a batch of cases within the caller's transaction: the latest facts of a case
     * key are the truth, the last in the batch winning, and each row keeps the id of the event that stated it. A
     * repeat of the event that stated a case's current facts changes nothing; any other statement replaces them, so
     * recording an ordered stream again from any point ends with the same facts. The counts follow on
     * {@link #catchUp}.
     */
    void recordStated(List<Stated> batch);

    /** Records facts that no event stated (tests, a reload): each replaces the case's facts, as an event's would. */
    default void recordAll(List<CaseFacts> batch) {
        recordStated(batch.stream().map(facts -> new Stated(null, facts)).toList());
    }

    /**
     * Rebuilds the counts (and the tension spikes they show, by the monitor's rule) that no longer match the facts,
     * up to {@code maxCells} (month, district) cells in one transaction; returns how many it rebuilt (0 when the counts are up to date). Only cells last marked at least
     * {@code quiet} ago, or first marked at least {@code longestWait} ago, are rebuilt (by the database's clock).
     */
    default int catchUp(int maxCells, TensionMonitor monitor, Duration quiet, Duration longestWait) {
        return catchUp(Share.ALL, maxCells, monitor, quiet, longestWait);
    }

    /**
     * As {@link #catchUp(int, TensionMonitor, Duration, Duration)}, for the cells of one share of the districts only:
     * the shares of one division can be rebuilt at the same time, each in a transaction of its own. Callers that
     * rebuild the same district take turns, whatever their shares.
     */
    int catchUp(Share share, int maxCells, TensionMonitor monitor, Duration quiet, Duration longestWait);

    /** Share {@code index} of the districts divided into {@code of} shares (by a hash of the district's code). */
    record Share(int index, int of) {

        /** Every district. */
        public static final Share ALL = new Share(0, 1);

        public Share {
            if (of < 1 || index < 0 || index >= of) {
                throw new IllegalArgumentException("no share " + index + " of " + of);
            }
        }
    }

    /**
     * Makes the monitor's rule the one stored spikes follow: when it differs from the rule they were found with, every
     * cell is marked for rebuilding (its spikes with it). Returns whether the rule changed.
     */
    boolean adopt(TensionMonitor monitor);

    /**
     * The stored spikes on days in [from, to) within the scope's districts (a null scope: every district), newest first:
     * of one strand, or with {@code strand} null of every strand (not the all-strands series).
     */
    List<TensionMonitor.Spike> spikes(Scope scope, String strand, LocalDate from, LocalDate to, TensionMonitor monitor);

    /** Incidents per value of a dimension and district in a period (whole months), within a scope. */
    default List<Cell> count(Scope scope, Dimension dimension, Period period) {
        return count(scope, period, List.of(dimension)).get(dimension);
    }

    /**
     * Incidents per value and district of each of some dimensions in a period (whole months), within a scope, read
     * with one statement (a table by district needs its dimension and the total); every dimension asked for is in the
     * map.
     */
    Map<Dimension, List<Cell>> count(Scope scope, Period period, List<Dimension> dimensions);

    /** Incidents per value of a dimension in a period, summed over the scope's districts. */
    Map<String, Long> sum(Scope scope, Dimension dimension, Period period);

    /**
     * Makes the configured areas (code to districts) the ones whose counts are also kept summed; returns the areas
     * whose sums were made again because their districts changed or they are new.
     */
    List<String> adoptAreas(Map<String, List<String>> areas);

    /**
     * Makes these organisations (the ones that see their own reports only) the ones whose counts are also kept per
     * source; returns those counted anew.
     */
    List<String> adoptSources(Set<String> sources);

    /**
     * Incidents per strand and value of a dimension that crosses with strand, in a period, summed over the districts
     * of a scope. A multi-strand incident counts once within each of its strands.
     */
    List<StrandCell> withinStrands(Scope scope, Dimension dimension, Period period);

    /** Incidents per month and value of a dimension in [from, to), within a scope. */
    List<MonthCount> byMonth(Scope scope, Dimension dimension, YearMonth from, YearMonth to);

    /** Incidents per day, district and strand (value {@link Dimension#ALL} for all strands) in [from, to). */
    List<DayCount> daily(LocalDate from, LocalDate to);

    record Cell(String value, String district, long incidents) {
    }

    record StrandCell(String strand, String value, long incidents) {
    }

    record MonthCount(YearMonth month, String value, long incidents) {
    }

    record DayCount(LocalDate day, String district, String strand, long incidents) {
    }
}
