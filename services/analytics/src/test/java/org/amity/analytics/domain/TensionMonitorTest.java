package org.amity.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TensionMonitorTest {

    final TensionMonitor monitor = new TensionMonitor(28, 5, 3, 2, 4);
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

    @Test
    void aCountFromOneToTheThresholdIsNeverASpikeWhateverTheMinimum() {
        TensionMonitor eager = new TensionMonitor(28, 1, 0, 1, 4);
        List<Statistics.DayCount> quiet = List.of(new Statistics.DayCount(referendum, "dover", "race", 4));
        assertThat(eager.spikes(quiet, referendum, referendum.plusDays(1))).isEmpty();
        List<Statistics.DayCount> five = List.of(new Statistics.DayCount(referendum, "dover", "race", 5));
        assertThat(eager.spikes(five, referendum, referendum.plusDays(1))).singleElement()
                .satisfies(s -> assertThat(s.incidents()).isEqualTo(5));
    }

    @Test
    void aBaselineOfOneToThresholdIncidentsIsNotGivenBecauseItsMeanWouldDiscloseThem() {
        List<Statistics.DayCount> counts = new ArrayList<>(List.of(
                new Statistics.DayCount(referendum.minusDays(3), "dover", "race", 1),
                new Statistics.DayCount(referendum.minusDays(9), "dover", "race", 1),
                new Statistics.DayCount(referendum, "dover", "race", 7)));
        assertThat(monitor.spikes(counts, referendum, referendum.plusDays(1))).singleElement().satisfies(s -> {
            assertThat(s.baselineSuppressed()).isTrue();
            assertThat(s.baselineMean()).isNull();
        });
        // five in the baseline: shown
        for (int d = 10; d < 13; d++) {
            counts.add(new Statistics.DayCount(referendum.minusDays(d), "dover", "race", 1));
        }
        assertThat(monitor.spikes(counts, referendum, referendum.plusDays(1))).singleElement().satisfies(s -> {
            assertThat(s.baselineSuppressed()).isFalse();
            assertThat(s.baselineMean()).isEqualTo(Math.round(5 / 28.0 * 100) / 100.0);
        });
    }
}
