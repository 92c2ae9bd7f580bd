package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import java.util.function.BooleanSupplier;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.context.RetryContextSupport;

/**
 * Whether one step gets another attempt, decided once per failed attempt: only when the failure is retryable,
 * attempts remain, a server's wait hint is not better spent on another provider, the {@link RetryDelay wait} fits
 * before the deadline and the provider's retry budget grants it (asked last, so a retry that would not happen
 * spends no budget). Built per step and execution.
 */
final class StepRetryPolicy implements RetryPolicy {

    private final Step<?> step;
    private final ExecutionState state;
    private final RetrySettings settings;
    private final RetryDelay delay;
    private final RetryBudgets budgets;
    private final BooleanSupplier otherProviderAvailable;
    private RetryDecision lastDecision;

    /** @param otherProviderAvailable whether a later step of another provider could be tried right now */
    StepRetryPolicy(Step<?> step, ExecutionState state, RetrySettings settings, RetryDelay delay,
            RetryBudgets budgets, BooleanSupplier otherProviderAvailable) {
        this.step = step;
        this.state = state;
        this.settings = settings;
        this.delay = delay;
        this.budgets = budgets;
        this.otherProviderAvailable = otherProviderAvailable;
    }

    @Override
    public RetryContext open(RetryContext parent) {
        return new RetryContextSupport(parent);
    }

    @Override
    public boolean canRetry(RetryContext context) {
        if (context.getLastThrowable() == null) {
            return true;
        }
        RetryDecision decision = RetryDecision.in(context);
        return decision != null && decision.retry();
    }

    @Override
    public void registerThrowable(RetryContext context, Throwable error) {
        ((RetryContextSupport) context).registerThrowable(error);
        lastDecision = decide(error, context.getRetryCount());
        lastDecision.storeIn(context);
    }

    @Override
    public void close(RetryContext context) {
        // Nothing held beyond the context itself.
    }

    @Override
    public int getMaxAttempts() {
        return settings.maxAttempts();
    }

    /** The decision after the step's last failed attempt, or {@code null} when none failed. */
    RetryDecision lastDecision() {
        return lastDecision;
    }

    private RetryDecision decide(Throwable error, int attemptsMade) {
        if (!(error instanceof AttemptFailedException failed)) {
            return RetryDecision.moveOn(error.getMessage());
        }
        Failure failure = failed.failure();
        if (!failure.kind().retryable()) {
            return RetryDecision.moveOn("not retryable");
        }
        if (attemptsMade >= settings.maxAttempts()) {
            return RetryDecision.moveOn(attemptsMade + " attempt(s) made");
        }
        if (failure.serverWait() != null && otherProviderAvailable.getAsBoolean()) {
            return RetryDecision.moveOn("server asked to wait " + RetryDelay.seconds(failure.serverWait())
                    + "; another provider can answer meanwhile");
        }
        RetryDecision decision = delay.decide(failure, attemptsMade, state.timeLeft());
        if (decision.retry() && !budgets.tryRetry(step.breakerId())) {
            state.retryBudgetRefused(step);
            return RetryDecision.moveOn("retry budget of " + step.breakerId() + " spent");
        }
        return decision;
    }
}
