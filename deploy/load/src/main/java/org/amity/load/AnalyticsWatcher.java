package org.amity.load;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Watches the county's figure move as its analysts see it: the total of the classification table (each incident
 * once) for the twelve months to this month, as {@code kent-community-safety}, every {@value #EVERY_MILLIS} ms.
 * A count from 1 to 4 is suppressed (disclosure control) and tells nothing: such readings are skipped.
 */
final class AnalyticsWatcher implements AutoCloseable {

    static final long EVERY_MILLIS = 200;
    static final String ANALYST = "kent-community-safety";

    /** A reading of the figure. */
    record Reading(long nanos, long incidents) {
    }

    private final Api api;
    private final String url;
    private final List<Reading> readings = new ArrayList<>();
    private final Periodic reader;
    volatile String failure;
    final Long baseline;

    AnalyticsWatcher(Api api, String analyticsUrl, Arrivals arrivals) {
        this.api = api;
        this.url = analyticsUrl + "/api/v1/statistics/tables/classification";
        this.baseline = read();
        this.reader = Periodic.paced("analytics", () -> {
            if (take(read())) {
                arrivals.arrived();
            }
            return EVERY_MILLIS;
        }, problem -> failure = problem);
    }

    /** The county's total incidents now; null when suppressed. */
    Long read() {
        Api.Response response = api.get(url, ANALYST);
        if (response.status() != 200) {
            throw new Api.CallFailed("analytics as " + ANALYST + ": HTTP " + response.status() + " "
                    + Json.abbreviate(response.body()));
        }
        JsonNode total = response.json().path("table").path("totals").path("total");
        return total.path("suppressed").asBoolean(false) || !total.path("incidents").isNumber() ? null
                : total.path("incidents").asLong();
    }

    /** How far the figure has moved since the start; -1 while unknown (suppressed). */
    synchronized long moved() {
        if (baseline == null || readings.isEmpty()) {
            return baseline == null ? -1 : 0;
        }
        return readings.get(readings.size() - 1).incidents() - baseline;
    }

    synchronized List<Reading> readings() {
        return List.copyOf(readings);
    }

    /** Keeps a reading that differs from the last; true when it did. */
    private synchronized boolean take(Long now) {
        if (now == null || !readings.isEmpty() && readings.get(readings.size() - 1).incidents() == now) {
            return false;
        }
        readings.add(new Reading(System.nanoTime(), now));
        return true;
    }

    /**
     * When the figure moved for each report, estimated by rank: the figure has no ids, so the k-th report sent (in
     * intended send order) is taken as counted when the figure first reached baseline + k. Latencies in nanoseconds
     * from the intended send time; reports the figure never reached are left out (the count says how many).
     */
    static List<Long> latencies(List<Long> intendedNanosSorted, long baseline, List<Reading> readings) {
        List<Long> out = new ArrayList<>();
        int r = 0;
        for (int k = 1; k <= intendedNanosSorted.size(); k++) {
            while (r < readings.size() && readings.get(r).incidents() - baseline < k) {
                r++;
            }
            if (r == readings.size()) {
                break;
            }
            out.add(readings.get(r).nanos() - intendedNanosSorted.get(k - 1));
        }
        return out;
    }

    @Override
    public void close() {
        reader.close();
    }
}
