package org.amity.analytics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily counts against a baseline: a day in a district is a spike for a strand when its count reaches a minimum,
 * the baseline mean plus some standard deviations, and a multiple of the mean. The baseline is the days before
 * it (days without incidents count as 0). The seeds describe such rises after the EU referendum and attacks.
 *
 * <p>A spike is published (API, alert event), so it follows disclosure control: a count from 1 to the suppression
 * threshold is never a spike, whatever the minimum says, and a baseline made of 1 to threshold incidents in all is
 * not given (its mean times the days would be that small count).
 */
public record TensionMonitor(int baselineDays, int minimumCount, double deviations, double ratio, int threshold) {

    /**
     * @param baselineMean mean incidents a day over the baseline days, or null when suppressed
     */
    public record Spike(LocalDate day, String district, String strand, long incidents, Double baselineMean,
            boolean baselineSuppressed) {
    }

    /** The smallest count a spike can have: the minimum, and never a suppressed count. */
    public long leastCount() {
        return Math.max(minimumCount, threshold + 1L);
    }

    /** A spike as published: the baseline's mean, unless its incidents are few enough to be suppressed. */
    public Spike spike(LocalDate day, String district, String strand, long incidents, long baselineIncidents) {
        boolean suppressed = baselineIncidents >= 1 && baselineIncidents <= threshold;
        double mean = (double) baselineIncidents / baselineDays;
        return new Spike(day, district, strand, incidents, suppressed ? null : Math.round(mean * 100) / 100.0,
                suppressed);
    }

    /**
     * The spikes on days in [from, to), given daily counts from {@code from - baselineDays} to {@code to}: the rule's
     * definition, which the figures store applies set-based as it rebuilds counts (a test holds the two together).
     */
    public List<Spike> spikes(List<Statistics.DayCount> counts, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, Long>> series = new HashMap<>();
        for (Statistics.DayCount c : counts) {
            series.computeIfAbsent(c.district() + "|" + c.strand(), k -> new HashMap<>()).put(c.day(), c.incidents());
        }
        long least = leastCount();
        List<Spike> spikes = new ArrayList<>();
        series.forEach((key, byDay) -> {
            String[] parts = key.split("\\|", 2);
            for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
                long count = byDay.getOrDefault(day, 0L);
                if (count < least) {
                    continue;
                }
                long sum = 0;
                double squares = 0;
                for (int d = 1; d <= baselineDays; d++) {
                    long c = byDay.getOrDefault(day.minusDays(d), 0L);
                    sum += c;
                    squares += (double) c * c;
                }
                double mean = (double) sum / baselineDays;
                double sd = Math.sqrt(Math.max(0, squares / baselineDays - mean * mean));
                if (count >= mean + deviations * sd && count >= ratio * mean) {
                    spikes.add(spike(day, parts[0], parts[1], count, sum));
                }
            }
        });
        spikes.sort(Comparator.comparing(Spike::day).reversed().thenComparing(Spike::district).thenComparing(Spike::strand));
        return spikes;
    }
}
