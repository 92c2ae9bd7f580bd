package dev.genairesilience.batch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces job starts evenly at {@code genai.batch.rate} per second on this instance, without bursts: the n-th
 * permit is granted no earlier than {@code (n - 1) / rate} seconds after the first one of a busy stretch.
 */
public final class DrainRateLimiter {

    private final long intervalNanos;
    private long nextFree;
    private boolean started;

    /** @param permitsPerSecond how many jobs may start per second; more than zero */
    public DrainRateLimiter(double permitsPerSecond) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of jobs per second, was "
                    + permitsPerSecond);
        }
        this.intervalNanos = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / permitsPerSecond));
    }

    /** Waits until this caller may start a job. */
    void acquire() throws InterruptedException {
        long wait = reserve(System.nanoTime());
        long deadline = System.nanoTime() + wait;
        for (long left = wait; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the drain rate limit");
            }
        }
    }

    /** Takes the next free slot and says how long to wait for it. */
    synchronized long reserve(long now) {
        long slot = started && nextFree - now > 0 ? nextFree : now;
        started = true;
        nextFree = slot + intervalNanos;
        return slot - now;
    }
}
