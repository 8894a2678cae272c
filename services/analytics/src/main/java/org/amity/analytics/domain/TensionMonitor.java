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

    /** The spikes on days in [from, to), given daily counts from {@code from - baselineDays} to {@code to}. */
    public List<Spike> spikes(List<Statistics.DayCount> counts, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, Long>> series = new HashMap<>();
        for (Statistics.DayCount c : counts) {
            series.computeIfAbsent(c.district() + "|" + c.strand(), k -> new HashMap<>()).put(c.day(), c.incidents());
        }
        long least = Math.max(minimumCount, threshold + 1L);
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
                    boolean suppressed = sum >= 1 && sum <= threshold;
                    spikes.add(new Spike(day, parts[0], parts[1], count,
                            suppressed ? null : Math.round(mean * 100) / 100.0, suppressed));
                }
            }
        });
        spikes.sort(Comparator.comparing(Spike::day).reversed().thenComparing(Spike::district).thenComparing(Spike::strand));
        return spikes;
    }
}
