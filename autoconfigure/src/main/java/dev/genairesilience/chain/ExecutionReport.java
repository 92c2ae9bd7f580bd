package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one execution ended, for {@link ExecutionListener#executionFinished}. {@link #toString()} never shows the
 * prompt.
 *
 * @param plan      the plan's name: the chain, or the {@code @ModelFallback} method
 * @param requested the plan's first step (what the caller asked for first), or {@code null} when it had none
 * @param delivered the step that delivered, the last resort included, or {@code null} when none did
 * @param result    how it ended
 * @param degraded  whether what was delivered is less than what was asked first
 * @param attempts  every call made, in order
 * @param duration  how long the whole execution took, waits included
 * @param prompt    the prompt, or {@code null} when the plan has none; never log it unless the application says so
 */
public record ExecutionReport(String plan, Step<?> requested, Step<?> delivered, Result result, boolean degraded,
        List<Attempt> attempts, Duration duration, String prompt) {

    /** How an execution ended. */
    public enum Result {
        /** A step of the plan delivered. */
        DELIVERED,
        /** Every step failed or was skipped, and the last resort delivered. */
        LAST_RESORT,
        /** Nothing delivered: the caller got a {@code GenerationUnavailableException}. */
        UNAVAILABLE,
        /** A provider rejected the request itself: the caller got a {@code GenerationRejectedException}. */
        REJECTED
    }

    public ExecutionReport {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(result, "result");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether another provider than the first one asked delivered (the last resort included). */
    public boolean fellBack() {
        return delivered != null && requested != null && !delivered.provider().equals(requested.provider());
    }

    /** Whether what was delivered has a lower resolution than the first one asked. */
    public boolean resolutionLowered() {
        return delivered != null && requested != null && delivered.resolution() != null
                && requested.resolution() != null && delivered.resolution().compareTo(requested.resolution()) < 0;
    }

    @Override
    public String toString() {
        return "ExecutionReport[plan=" + plan + ", result=" + result + ", delivered="
                + (delivered == null ? null : delivered.label()) + ", degraded=" + degraded + ", attempts="
                + attempts.size() + ", duration=" + duration + ", prompt="
                + (prompt == null ? null : "<" + prompt.length() + " chars>") + "]";
    }
}
