package dev.genairesilience.chain;

import java.time.Duration;
import java.time.Instant;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;

/**
 * The body the {@code RetryTemplate} runs for each attempt of one step: checks the provider's share of the
 * deadline, takes a place in the lane's concurrency limit and a permission of its breaker (again on every retry,
 * since either may have changed meanwhile), then makes the call with {@code min(provider timeout, what the share
 * leaves)}. A lane with no room stops the step without a call.
 */
final class StepAttempts<T> implements RetryCallback<T, RuntimeException> {

    private final Step<T> step;
    private final ProviderLane lane;
    private final ExecutionState state;
    private final AttemptRunner runner;
    private final Instant shareEnd;
    private final Duration firstWait;

    /**
     * @param shareEnd  when the step's provider's share of the deadline ends ({@link DeadlineShares})
     * @param firstWait how long the engine already waited before the step's first attempt (a provider's hold)
     */
    StepAttempts(Step<T> step, ProviderLane lane, ExecutionState state, AttemptRunner runner, Instant shareEnd,
            Duration firstWait) {
        this.step = step;
        this.lane = lane;
        this.state = state;
        this.runner = runner;
        this.shareEnd = shareEnd;
        this.firstWait = firstWait;
    }

    @Override
    public T doWithRetry(RetryContext context) {
        Duration available = Duration.between(state.now(), shareEnd);
        if (available.isNegative() || available.isZero()) {
            throw new StepStoppedException(StepStoppedException.Reason.DEADLINE);
        }
        StepDecision previous = StepDecision.in(context);
        LanePlace place = lane.tryEnter();
        if (place == null) {
            // before the step's first call the request may wait for room; before a retry it moves on
            throw new StepStoppedException(previous == null ? StepStoppedException.Reason.NO_ROOM
                    : StepStoppedException.Reason.LANE_FULL);
        }
        if (!lane.breaker().tryAcquirePermission()) {
            place.leave();
            throw new StepStoppedException(StepStoppedException.Reason.CIRCUIT_OPEN);
        }
        if (previous == null) {
            lane.recordFirstAttempt();
        }
        Duration timeout = step.timeout().compareTo(available) <= 0 ? step.timeout() : available;
        Duration waitBefore = previous == null ? firstWait : previous.delay();
        return runner.call(step, place, timeout, waitBefore);
    }

    @Override
    public String getLabel() {
        return step.label();
    }
}
