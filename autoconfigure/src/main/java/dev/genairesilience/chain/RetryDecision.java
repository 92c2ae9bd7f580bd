package dev.genairesilience.chain;

import java.time.Duration;
import org.springframework.retry.RetryContext;

/**
 * What the engine decided after a failed attempt: try the step again after {@code delay}, or move on for
 * {@code reason}. Decided once, kept in the {@link RetryContext}, so the retry policy and the backoff agree.
 */
record RetryDecision(boolean retry, Duration delay, String reason) {

    private static final String ATTRIBUTE = RetryDecision.class.getName();

    static RetryDecision retryAfter(Duration wait) {
        return new RetryDecision(true, wait, null);
    }

    static RetryDecision moveOn(String reason) {
        return new RetryDecision(false, Duration.ZERO, reason);
    }

    /** The decision taken after the last failed attempt of this step, or {@code null} before any failed. */
    static RetryDecision in(RetryContext context) {
        return (RetryDecision) context.getAttribute(ATTRIBUTE);
    }

    void storeIn(RetryContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }
}
