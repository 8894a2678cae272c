package org.amity.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TensionMonitorTest {

    final TensionMonitor monitor = new TensionMonitor(28, 5, 3, 2);
    final LocalDate referendum = LocalDate.of(2016, 6, 24);

    List<Statistics.DayCount> steadyThen(long onTheDay) {
        List<Statistics.DayCount> counts = new ArrayList<>();
        for (int d = 1; d <= 28; d++) {
            counts.add(new Statistics.DayCount(referendum.minusDays(d), "dartford", "race", d % 2 == 0 ? 2 : 1));
        }
        counts.add(new Statistics.DayCount(referendum, "dartford", "race", onTheDay));
        return counts;
    }

    @Test
    void aRiseWellAboveTheBaselineIsASpikeWithItsStrandAndDistrict() {
        List<TensionMonitor.Spike> spikes = monitor.spikes(steadyThen(9), referendum, referendum.plusDays(1));
        assertThat(spikes).singleElement().satisfies(s -> {
            assertThat(s.district()).isEqualTo("dartford");
            assertThat(s.strand()).isEqualTo("race");
            assertThat(s.incidents()).isEqualTo(9);
            assertThat(s.baselineMean()).isEqualTo(1.5);
        });
    }

    @Test
    void anOrdinaryDayOrASmallCountIsNoSpike() {
        assertThat(monitor.spikes(steadyThen(2), referendum, referendum.plusDays(1))).isEmpty();
        assertThat(monitor.spikes(steadyThen(4), referendum, referendum.plusDays(1))).isEmpty();
    }
}
