package dev.genairesilience.chain;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;

/**
 * The body the {@code RetryTemplate} runs for each attempt of one step: checks the deadline, asks the breaker
 * for a permission (again on every retry, since it may have opened meanwhile), then makes the call.
 */
final class StepAttempts<T> implements RetryCallback<T, RuntimeException> {

    private final Step<T> step;
    private final CircuitBreaker breaker;
    private final RetryBudgets budgets;
    private final ExecutionState state;
    private final AttemptRunner runner;
    private final Duration firstWait;

    /** @param firstWait how long the engine already waited before the step's first attempt (a provider's hold) */
    StepAttempts(Step<T> step, CircuitBreaker breaker, RetryBudgets budgets, ExecutionState state,
            AttemptRunner runner, Duration firstWait) {
        this.step = step;
        this.breaker = breaker;
        this.budgets = budgets;
        this.state = state;
        this.runner = runner;
        this.firstWait = firstWait;
    }

    @Override
    public T doWithRetry(RetryContext context) {
        Duration timeLeft = state.timeLeft();
        if (timeLeft.isNegative() || timeLeft.isZero()) {
            throw new StepStoppedException(StepStoppedException.Reason.DEADLINE);
        }
        if (!breaker.tryAcquirePermission()) {
            throw new StepStoppedException(StepStoppedException.Reason.CIRCUIT_OPEN);
        }
        RetryDecision previous = RetryDecision.in(context);
        if (previous == null) {
            budgets.recordFirstAttempt(step.breakerId());
        }
        Duration timeout = step.timeout().compareTo(timeLeft) <= 0 ? step.timeout() : timeLeft;
        Duration waitBefore = previous == null ? firstWait : previous.delay();
        return runner.call(step, timeout, waitBefore, breaker);
    }

    @Override
    public String getLabel() {
        return step.label();
    }
}
