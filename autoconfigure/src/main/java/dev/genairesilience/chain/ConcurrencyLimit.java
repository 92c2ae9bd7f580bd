package dev.genairesilience.chain;

/**
 * How many calls one provider may have in flight, learned from its answers (additive increase, multiplicative
 * decrease): a capacity answer (503 overloaded, 529, a 429 that gives no wait) takes a tenth off the limit, a call
 * that delivered while the lane was at least half full lets it grow by one. It starts at the maximum the
 * application allows (by default none): a provider is used as far as it can serve, and limited only once it has said
 * it cannot; its first capacity answer sets the limit to nine tenths of the most calls the lane has had in flight.
 * Never under 1. Thread-safe.
 *
 * <p>Why the most ever in flight and not those in flight at that answer: a provider in a brownout refuses calls at
 * random, whatever its load, and a limit cut to the few calls in flight at such a refusal would turn requests away
 * from a provider that has room; the most in flight is what it has been seen to take.
 *
 * <p>One overload shrinks it once: the capacity answers of calls that started before the last decrease (under the
 * old limit, as TCP counts a window's losses once) teach nothing more, so a burst of refusals at one moment does not
 * collapse the limit far below what the provider can take.
 *
 * <p>Our own rather than Netflix concurrency-limits' {@code AIMDLimit}: the signal here is the provider's explicit
 * capacity answer, already classified once by the engine, not a dropped or slow request measured by a limiter
 * around a thread; and a call here lasts seconds, so the library's sampling windows buy nothing. The rule is the
 * same as that library's AIMD.
 */
final class ConcurrencyLimit {

    static final double BACKOFF_RATIO = 0.9;

    private final int max;
    private double limit;
    private int inFlight;
    private long epoch;
    private int mostInFlight;

    /**
     * @param initial the limit before anything is learned
     * @param max     the most calls the application allows in flight
     */
    ConcurrencyLimit(int initial, int max) {
        if (max < 1 || initial < 1) {
            throw new IllegalArgumentException("limits must be at least 1, were " + initial + " and " + max);
        }
        this.max = max;
        this.limit = Math.min(initial, max);
    }

    /**
     * Takes a place for one call if the limit allows; {@link #release} and its kin give it back.
     *
     * @return the limit's epoch the call started in, for {@link #releaseOverCapacity(long)}; {@code -1} for no place
     */
    synchronized long tryAcquire() {
        if (inFlight >= (int) limit) {
            return -1;
        }
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        return epoch;
    }

    /** Gives back a place taken by {@link #tryAcquire()}, after a call that taught nothing about capacity. */
    synchronized void release() {
        inFlight--;
    }

    /** Gives back a place after a call that delivered: the limit grows if the lane was busy enough to tell. */
    synchronized void releaseDelivered() {
        if (inFlight * 2 >= (int) limit) {
            limit = Math.min(max, limit + 1);
        }
        release();
    }

    /**
     * Gives back a place after a capacity answer: the limit shrinks by a tenth (from the most calls ever in flight,
     * while nothing limited them), unless it already did since the call started.
     *
     * @param startedIn the epoch {@link #tryAcquire()} gave the call
     */
    synchronized void releaseOverCapacity(long startedIn) {
        if (startedIn == epoch) {
            limit = Math.max(1, Math.min(limit, mostInFlight) * BACKOFF_RATIO);
            epoch++;
        }
        release();
    }

    /** Whether a place is free now (not taken: the caller still has to {@link #tryAcquire()}). */
    synchronized boolean hasRoom() {
        return inFlight < (int) limit;
    }

    /** The calls allowed in flight now; {@link Integer#MAX_VALUE} while nothing limits them. */
    synchronized int limit() {
        return (int) limit;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
