package dev.genairesilience.benchmarks;

import java.util.Arrays;

/**
 * Every latency recorded, exactly; percentiles by nearest rank. Runs record thousands of values, so keeping
 * them all costs little and avoids any bucketing error. Thread-safe.
 */
public final class LatencyHistogram {

    private long[] nanos = new long[1024];
    private int size;

    /** Records one latency. */
    public synchronized void record(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    /** How many latencies were recorded. */
    public synchronized int count() {
        return size;
    }

    /**
     * The nearest-rank percentile, in nanoseconds: the smallest recorded value with at least {@code p}
     * percent of the values at or below it; 0 when nothing was recorded.
     *
     * @param p within (0, 100]
     */
    public synchronized long percentileNanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("p must be within (0, 100], was " + p);
        }
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** {@link #percentileNanos} in milliseconds. */
    public double percentileMillis(double p) {
        return percentileNanos(p) / 1e6;
    }
}
