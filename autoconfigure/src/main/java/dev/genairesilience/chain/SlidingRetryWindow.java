package dev.genairesilience.chain;

import java.util.Arrays;

/**
 * The counts behind one id's retry budget, in a window sliding bucket by bucket: a bucket older than the
 * window is emptied the moment its slot comes round again, so memory stays fixed however long it runs.
 */
final class SlidingRetryWindow {

    private static final int BUCKETS = 10;

    private final long bucketMillis;
    private final long[] epochs = new long[BUCKETS];
    private final long[] firstAttempts = new long[BUCKETS];
    private final long[] retries = new long[BUCKETS];
    private final long[] refusals = new long[BUCKETS];

    SlidingRetryWindow(long windowMillis) {
        this.bucketMillis = Math.max(1, windowMillis / BUCKETS);
        Arrays.fill(epochs, Long.MIN_VALUE);
    }

    synchronized void recordFirstAttempt(long nowMillis) {
        firstAttempts[slot(nowMillis)]++;
    }

    /** Grants a retry, and counts it, when the granted retries stay under {@code minRetries + ratio × first attempts}. */
    synchronized boolean tryRetry(long nowMillis, int minRetries, double ratio) {
        int slot = slot(nowMillis);
        long epoch = nowMillis / bucketMillis;
        if (sum(retries, epoch) < minRetries + ratio * sum(firstAttempts, epoch)) {
            retries[slot]++;
            return true;
        }
        refusals[slot]++;
        return false;
    }

    synchronized RetryBudgetSnapshot snapshot(long nowMillis) {
        slot(nowMillis);
        long epoch = nowMillis / bucketMillis;
        return new RetryBudgetSnapshot(sum(firstAttempts, epoch), sum(retries, epoch), sum(refusals, epoch));
    }

    /** The slot of the current bucket, emptied first if it still holds an older bucket's counts. */
    private int slot(long nowMillis) {
        long epoch = nowMillis / bucketMillis;
        int slot = (int) Math.floorMod(epoch, (long) BUCKETS);
        if (epochs[slot] != epoch) {
            epochs[slot] = epoch;
            firstAttempts[slot] = 0;
            retries[slot] = 0;
            refusals[slot] = 0;
        }
        return slot;
    }

    private long sum(long[] counts, long currentEpoch) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (epochs[i] > currentEpoch - BUCKETS && epochs[i] <= currentEpoch) {
                total += counts[i];
            }
        }
        return total;
    }
}
