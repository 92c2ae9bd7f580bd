package dev.genairesilience.benchmarks.strategy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The recipe's layer 2: one breaker shared by every model. A model that failed (after its retries) adds a
 * failure, a success resets the count; at {@code threshold} failures it opens. Once {@code resetTimeout} has
 * passed since the last failure, one probe goes through (the recipe's "half-open: allow one probe"): its
 * success closes the breaker, its failure opens it again. The recipe's count is not windowed and a failure
 * recorded while open still counts and restarts the timeout, as in its code. Thread-safe.
 */
final class SeedCircuitBreaker {

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long resetTimeoutNanos;
    private final LongSupplier nanoTime;
    private State state = State.CLOSED;
    private int failureCount;
    private long lastFailureNanos;

    /**
     * @param threshold    failures that open it (the recipe: 5)
     * @param resetTimeout how long it stays open after the last failure (the recipe: 60 s, scaled)
     * @param nanoTime     the clock
     */
    SeedCircuitBreaker(int threshold, Duration resetTimeout, LongSupplier nanoTime) {
        this.threshold = threshold;
        this.resetTimeoutNanos = resetTimeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The recipe's {@code can_proceed}: whether a model may be called now. */
    synchronized boolean canProceed() {
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN && nanoTime.getAsLong() - lastFailureNanos > resetTimeoutNanos) {
            state = State.HALF_OPEN;
            return true;
        }
        // open and waiting, or half-open with its one probe out
        return false;
    }

    synchronized void recordFailure() {
        failureCount++;
        lastFailureNanos = nanoTime.getAsLong();
        if (failureCount >= threshold) {
            state = State.OPEN;
        }
    }

    synchronized void recordSuccess() {
        failureCount = 0;
        state = State.CLOSED;
    }

    synchronized boolean isClosed() {
        return state == State.CLOSED;
    }
}
