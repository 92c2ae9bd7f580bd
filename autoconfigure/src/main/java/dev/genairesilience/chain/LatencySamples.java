package dev.genairesilience.chain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The durations of a lane's last calls that delivered, in a fixed ring: enough to tell a typical call's length. */
final class LatencySamples {

    private static final int SIZE = 32;
    private static final int ENOUGH = 3;

    private final long[] nanos = new long[SIZE];
    private int next;
    private int count;

    synchronized void add(Duration took) {
        nanos[next] = took.toNanos();
        next = (next + 1) % SIZE;
        count = Math.min(count + 1, SIZE);
    }

    /** The 90th percentile (nearest rank), or empty with fewer than three samples. */
    synchronized Optional<Duration> p90() {
        if (count < ENOUGH) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.9 * count) - 1;
        return Optional.of(Duration.ofNanos(sorted[rank]));
    }
}
