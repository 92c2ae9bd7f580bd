package dev.genairesilience.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.context.RetryContextSupport;

/**
 * Whether one step gets another attempt: the {@link StepDecider}'s decision over the failure, within the time the
 * step's provider may still use, then the provider's retry budget (asked last, so a retry that would not happen spends
 * no budget; under {@link Preference#QUALITY} it allows one retry per first attempt). Built per step and execution.
 */
final class StepRetryPolicy implements RetryPolicy {

    private final Step<?> step;
    private final ProviderLane lane;
    private final ExecutionState state;
    private final StepDecider decider;
    private final Instant shareEnd;
    private final StepPolicy policy;
    private final BooleanSupplier otherProviderAvailable;
    private final int maxAttempts;
    private final String onlyOnce;
    private StepDecision lastDecision;

    /**
     * @param otherProviderAvailable whether a later step of another provider could be tried right now
     * @param onlyOnce               why the step gets one attempt only (its resolution is failing on its provider),
     *                               or {@code null} when it is retried as usual
     */
    StepRetryPolicy(Step<?> step, ProviderLane lane, ExecutionState state, StepDecider decider, int maxAttempts,
            Instant shareEnd, StepPolicy policy, BooleanSupplier otherProviderAvailable, String onlyOnce) {
        this.step = step;
        this.lane = lane;
        this.state = state;
        this.decider = decider;
        this.maxAttempts = maxAttempts;
        this.shareEnd = shareEnd;
        this.policy = policy;
        this.otherProviderAvailable = otherProviderAvailable;
        this.onlyOnce = onlyOnce;
    }

    @Override
    public RetryContext open(RetryContext parent) {
        return new RetryContextSupport(parent);
    }

    @Override
    public boolean canRetry(RetryContext context) {
        return StepDecision.allowsAnotherAttempt(context);
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
        return maxAttempts;
    }

    /** The decision after the step's last failed attempt, or {@code null} when none failed. */
    StepDecision lastDecision() {
        return lastDecision;
    }

    private StepDecision decide(Throwable error, int attemptsMade) {
        if (!(error instanceof AttemptFailedException failed)) {
            return StepDecision.nextStep(error.getMessage());
        }
        Duration available = Duration.between(state.now(), shareEnd);
        StepDecision decision = decider.decide(failed.failure(), attemptsMade, available,
                otherProviderAvailable.getAsBoolean(), policy);
        if (decision.retry() && onlyOnce != null) {
            return StepDecision.nextStep("one attempt only: " + onlyOnce);
        }
        if (decision.retry() && !lane.tryRetry(policy.preference() == Preference.QUALITY
                ? StepPolicy.QUALITY_BUDGET_RATIO : null)) {
            state.retryBudgetRefused(step);
            return StepDecision.nextStep("retry budget of " + step.breakerId() + " spent");
        }
        return decision;
    }
}
