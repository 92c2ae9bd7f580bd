package dev.genairesilience.batch;

import dev.genairesilience.shared.SharedState;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How fast and how many at once the off-peak queue starts its jobs ({@code genai.batch.rate} and
 * {@code genai.batch.concurrency}): per instance by default, per queue across all of the application's instances
 * when it shares its state ({@code genai.shared-state.store}). While the store does not answer, each instance keeps
 * to its own rate and threads again.
 */
public final class QueueLimits {

    private static final Duration LONGEST_PACE_WAIT = Duration.ofMillis(100);

    private final DrainRateLimiter local;
    private final SharedState shared;
    private final Duration interval;
    private final int concurrency;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();

    private QueueLimits(DrainRateLimiter local, SharedState shared, double rate, int concurrency, Duration lease) {
        this.local = Objects.requireNonNull(local, "local");
        this.shared = Objects.requireNonNull(shared, "shared");
        this.interval = Duration.ofNanos(Math.max(1, Math.round(1_000_000_000L / rate)));
        this.concurrency = concurrency;
        this.lease = lease;
    }

    /** This instance's rate; its concurrency is its scheduler's threads. */
    public static QueueLimits local(DrainRateLimiter rate) {
        return new QueueLimits(rate, SharedState.none(), 1, 1, Duration.ofMinutes(1));
    }

    /**
     * One rate and one concurrency for the queue, shared through {@code shared}.
     *
     * @param rate        jobs per second, for the whole queue
     * @param concurrency jobs at once, for the whole queue
     * @param lease       the longest a job keeps its place (a place whose instance died comes back after it)
     */
    public static QueueLimits shared(SharedState shared, double rate, int concurrency, Duration lease) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        return new QueueLimits(new DrainRateLimiter(rate), shared, rate, concurrency, lease);
    }

    /**
     * Waits until the queue's rate lets one more job start: the shared pace while the store is up (a failed store call
     * grants nothing), this instance's own once it is down.
     */
    void awaitRate() throws InterruptedException {
        while (shared.active()) {
            Boolean granted = shared.tryPace("batch-rate", interval);
            if (Boolean.TRUE.equals(granted)) {
                return;
            }
            Thread.sleep(Math.max(1, Math.min(interval.toMillis(), LONGEST_PACE_WAIT.toMillis())));
        }
        local.acquire();
    }

    /**
     * Takes one of the queue's places for {@code jobId}.
     *
     * @return the holder to give back to {@link #leave}, or {@code null} when every place is taken
     */
    String enter(String jobId) {
        String holder = instance + ':' + jobId;
        Boolean entered = shared.tryTakePlace("batch-running", holder, concurrency, lease);
        return entered == null || entered ? holder : null;
    }

    /** Gives back the place {@link #enter} took. */
    void leave(String holder) {
        if (shared.configured()) {
            shared.leavePlace("batch-running", holder);
        }
    }
}
