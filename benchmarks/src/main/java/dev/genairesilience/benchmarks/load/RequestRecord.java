package dev.genairesilience.benchmarks.load;

import dev.genairesilience.Resolution;

/**
 * One request of a run, with its times in wall nanoseconds since the run's start.
 *
 * @param index       the request's number, which is also written into its prompt
 * @param arrivalNanos when it was scheduled to arrive (queueing for a client thread counts as latency)
 * @param startNanos  when a client thread took it up (for an unfinished one that never ran: its end)
 * @param endNanos    when it ended (for an unfinished one: when the run gave up on it)
 * @param outcome     how it ended
 * @param servedBy    the model that delivered the image, or {@code null}
 * @param resolution  the resolution it delivered it at, or {@code null}
 * @param failure     the simple class name of the error the caller got, or {@code null}
 * @param failureMessage its message, or {@code null} (no strategy puts the prompt in one)
 */
public record RequestRecord(int index, long arrivalNanos, long startNanos, long endNanos, RequestOutcome outcome,
        String servedBy, Resolution resolution, String failure, String failureMessage) {

    /** The latency the caller saw, from the scheduled arrival. */
    public long latencyNanos() {
        return endNanos - arrivalNanos;
    }

    /** How long it waited for a free client thread. */
    public long queuedNanos() {
        return startNanos - arrivalNanos;
    }

    /** Whether an image was delivered. */
    public boolean succeeded() {
        return outcome == RequestOutcome.SUCCESS;
    }
}
