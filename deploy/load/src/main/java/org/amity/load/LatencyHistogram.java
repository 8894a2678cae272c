package org.amity.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, recorded from many threads without locks, in log-linear buckets: each power of two is
 * split into {@value #SUB_BUCKETS} equal parts, so a percentile is at most 1/{@value #SUB_BUCKETS} (under 1 %) above
 * the true value. Values from 0 up to about 73 minutes; longer ones count as the longest. The maximum and the mean
 * are exact.
 */
final class LatencyHistogram {

    static final int SUB_BUCKETS = 128;
    private static final int SUB_BITS = 7; // log2(SUB_BUCKETS)
    /** 2^32 microseconds, a little over 71 minutes */
    private static final int MAGNITUDES = 32 - SUB_BITS + 1;

    private final AtomicLongArray counts = new AtomicLongArray(MAGNITUDES * SUB_BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong max = new AtomicLong(-1);

    void record(long micros) {
        long value = Math.max(0, micros);
        counts.incrementAndGet(index(value));
        total.incrementAndGet();
        sum.addAndGet(value);
        max.accumulateAndGet(value, Math::max);
    }

    void recordNanos(long nanos) {
        record(nanos / 1_000);
    }

    long count() {
        return total.get();
    }

    /** Exact; -1 when nothing was recorded. */
    long max() {
        return max.get();
    }

    double mean() {
        long n = total.get();
        return n == 0 ? Double.NaN : (double) sum.get() / n;
    }

    /**
     * The smallest bucket bound that at least {@code percent} % of the values are at or under (never above the
     * maximum); -1 when nothing was recorded.
     */
    long percentile(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is from 0 to 100: " + percent);
        }
        long n = total.get();
        if (n == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(highestOf(i), max.get());
            }
        }
        return max.get();
    }

    /** Bucket of a value: values below SUB_BUCKETS have one bucket each; above, 128 per power of two. */
    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        // a value of b bits (b >= 8) is in magnitude b - 7; its top eight bits pick one of 128 sub-buckets
        int magnitude = 64 - Long.numberOfLeadingZeros(value) - SUB_BITS; // >= 1
        if (magnitude >= MAGNITUDES) {
            return MAGNITUDES * SUB_BUCKETS - 1;
        }
        int sub = (int) (value >>> (magnitude - 1)) - SUB_BUCKETS; // 0..127 within this power of two
        return magnitude * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long highestOf(int index) {
        int magnitude = index / SUB_BUCKETS;
        int sub = index % SUB_BUCKETS;
        if (magnitude == 0) {
            return sub;
        }
        return (((long) (sub + SUB_BUCKETS + 1)) << (magnitude - 1)) - 1;
    }

    /** p50, p95, p99 and max in milliseconds, for reports. */
    Summary summary() {
        return new Summary(count(), percentile(50) / 1000.0, percentile(95) / 1000.0, percentile(99) / 1000.0,
                max() / 1000.0);
    }

    /** Milliseconds; a count of 0 means nothing was recorded (the figures are then negative). */
    record Summary(long count, double p50, double p95, double p99, double max) {
        boolean empty() {
            return count == 0;
        }
    }
}
