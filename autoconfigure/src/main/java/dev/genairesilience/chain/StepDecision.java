package dev.genairesilience.chain;

import java.time.Duration;
import org.springframework.retry.RetryContext;

/**
 * What the engine decided after a failed attempt of a step: try it again after {@link #delay()}, move to the next
 * step, skip every remaining step of the provider, or reject the whole request; with the reason. Decided once
 * ({@link StepDecider}), kept in the {@link RetryContext}, so the retry policy, the backoff and the executor agree.
 *
 * @param action what to do
 * @param delay  the wait before the retry; zero for every other action
 * @param reason why, for the step's note and the caller's message
 */
record StepDecision(Action action, Duration delay, String reason) {

    /** The four things the engine can do after a failed attempt. */
    enum Action {
        /** Call the same step again after the delay. */
        RETRY,
        /** Give the step up and try the next one. */
        NEXT_STEP,
        /** Give up every remaining step of this provider for this request. */
        SKIP_PROVIDER,
        /** Stop: the request itself cannot be served, retrying anywhere cannot help. */
        REJECT
    }

    private static final String ATTRIBUTE = StepDecision.class.getName();

    static StepDecision retryAfter(Duration wait) {
        return new StepDecision(Action.RETRY, wait, null);
    }

    static StepDecision nextStep(String reason) {
        return new StepDecision(Action.NEXT_STEP, Duration.ZERO, reason);
    }

    static StepDecision skipProvider(String reason) {
        return new StepDecision(Action.SKIP_PROVIDER, Duration.ZERO, reason);
    }

    static StepDecision reject(String reason) {
        return new StepDecision(Action.REJECT, Duration.ZERO, reason);
    }

    boolean retry() {
        return action == Action.RETRY;
    }

    /** Whether the context may make another attempt: its first, or a retry its last decision granted. */
    static boolean allowsAnotherAttempt(RetryContext context) {
        if (context.getLastThrowable() == null) {
            return true;
        }
        StepDecision decision = in(context);
        return decision != null && decision.retry();
    }

    /** The decision taken after the last failed attempt of this step, or {@code null} before any failed. */
    static StepDecision in(RetryContext context) {
        return (StepDecision) context.getAttribute(ATTRIBUTE);
    }

    void storeIn(RetryContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }
}
