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
 */
public record TensionMonitor(int baselineDays, int minimumCount, double deviations, double ratio) {

    public record Spike(LocalDate day, String district, String strand, long incidents, double baselineMean) {
    }

    /** The spikes on days in [from, to), given daily counts from {@code from - baselineDays} to {@code to}. */
    public List<Spike> spikes(List<Statistics.DayCount> counts, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, Long>> series = new HashMap<>();
        for (Statistics.DayCount c : counts) {
            series.computeIfAbsent(c.district() + "|" + c.strand(), k -> new HashMap<>()).put(c.day(), c.incidents());
        }
        List<Spike> spikes = new ArrayList<>();
        series.forEach((key, byDay) -> {
            String[] parts = key.split("\\|", 2);
            for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
                long count = byDay.getOrDefault(day, 0L);
                if (count < minimumCount) {
                    continue;
                }
                double sum = 0;
                double squares = 0;
                for (int d = 1; d <= baselineDays; d++) {
                    long c = byDay.getOrDefault(day.minusDays(d), 0L);
                    sum += c;
                    squares += (double) c * c;
                }
                double mean = sum / baselineDays;
                double sd = Math.sqrt(Math.max(0, squares / baselineDays - mean * mean));
                if (count >= mean + deviations * sd && count >= ratio * mean) {
                    spikes.add(new Spike(day, parts[0], parts[1], count, Math.round(mean * 100) / 100.0));
                }
            }
        });
        spikes.sort(Comparator.comparing(Spike::day).reversed().thenComparing(Spike::district).thenComparing(Spike::strand));
        return spikes;
    }
}
