package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AnalyticsWatcherTest {

    @Test
    void theKthReportIsCountedWhenTheFigureFirstReachesBaselinePlusK() {
        List<Long> sent = List.of(0L, 10L, 20L, 30L);
        List<AnalyticsWatcher.Reading> readings = List.of(new AnalyticsWatcher.Reading(100, 102),
                new AnalyticsWatcher.Reading(150, 103), new AnalyticsWatcher.Reading(300, 104));
        assertThat(AnalyticsWatcher.latencies(sent, 100, readings)).containsExactly(100L, 90L, 130L, 270L);
    }

    @Test
    void reportsTheFigureNeverReachedAreLeftOut() {
        List<Long> sent = List.of(0L, 10L, 20L);
        assertThat(AnalyticsWatcher.latencies(sent, 50, List.of(new AnalyticsWatcher.Reading(40, 51))))
                .containsExactly(40L);
        assertThat(AnalyticsWatcher.latencies(sent, 50, List.of())).isEmpty();
    }
}
