package dev.genairesilience.chain;

import java.time.Duration;
import java.time.Instant;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;

/**
 * The body the {@code RetryTemplate} runs for each attempt of one step: checks the provider's share of the
 * deadline, asks the breaker for a permission (again on every retry, since it may have opened meanwhile), then
 * makes the call with {@code min(provider timeout, what the share leaves)}.
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
        if (!lane.breaker().tryAcquirePermission()) {
            throw new StepStoppedException(StepStoppedException.Reason.CIRCUIT_OPEN);
        }
        StepDecision previous = StepDecision.in(context);
        if (previous == null) {
            lane.recordFirstAttempt();
        }
        Duration timeout = step.timeout().compareTo(available) <= 0 ? step.timeout() : available;
        Duration waitBefore = previous == null ? firstWait : previous.delay();
        return runner.call(step, lane, timeout, waitBefore);
    }

    @Override
    public String getLabel() {
        return step.label();
    }
}
