package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfUniformValuesAreWithinOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v);
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat(h.percentile(50)).isCloseTo(50_000L, within(500L));
        assertThat(h.percentile(95)).isCloseTo(95_000L, within(950L));
        assertThat(h.percentile(99)).isCloseTo(99_000L, within(990L));
        assertThat(h.max()).isEqualTo(100_000);
        assertThat(h.mean()).isCloseTo(50_000.5, within(0.001));
    }

    @Test
    void aPercentileIsNeverBelowTheTrueValueNorAboveTheMaximum() {
        SplittableRandom random = new SplittableRandom(1);
        long[] values = new long[20_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble(0, 18)); // 1 us .. 65 s, log-spread
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {1, 10, 50, 90, 99, 99.9, 100}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat(h.percentile(p)).as("p" + p).isGreaterThanOrEqualTo(exact)
                    .isLessThanOrEqualTo(Math.max(exact + 1, (long) (exact * (1 + 1.0 / 128))))
                    .isLessThanOrEqualTo(h.max());
        }
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v : new long[] {0, 3, 3, 7, 127}) {
            h.record(v);
        }
        assertThat(h.percentile(20)).isZero();
        assertThat(h.percentile(60)).isEqualTo(3);
        assertThat(h.percentile(80)).isEqualTo(7);
        assertThat(h.percentile(100)).isEqualTo(127);
    }

    @Test
    void bucketsCoverEveryValueOnceInOrder() {
        for (long v = 0; v < 1 << 20; v += 7) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.highestOf(i)).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.highestOf(i - 1)).isLessThan(v);
            }
        }
    }

    @Test
    void anEmptyHistogramSaysSo() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(99)).isEqualTo(-1);
        assertThat(h.summary().empty()).isTrue();
        assertThatThrownBy(() -> h.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeValuesCountAsZeroAndHugeOnesAsTheLongest() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        h.record(Long.MAX_VALUE / 2);
        assertThat(h.percentile(50)).isZero();
        assertThat(h.max()).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(h.percentile(100)).isPositive();
    }

    @Test
    void recordsFromManyThreadsAreAllCounted() throws Exception {
        LatencyHistogram h = new LatencyHistogram();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                pool.submit(() -> {
                    for (int i = 1; i <= 10_000; i++) {
                        h.record(i);
                    }
                });
            }
        }
        assertThat(h.count()).isEqualTo(160_000);
        assertThat(h.max()).isEqualTo(10_000);
    }

    @Test
    void summaryIsInMilliseconds() {
        LatencyHistogram h = new LatencyHistogram();
        h.recordNanos(2_000_000);
        assertThat(h.summary().p50()).isCloseTo(2.0, within(0.02));
        assertThat(h.summary().max()).isEqualTo(2.0);
    }
}
