package dev.genairesilience.chain;

import java.util.Objects;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;

/**
 * Sleeps exactly the wait the {@link StepRetryPolicy} decided for this retry (the larger of the server's hint
 * and the jittered backoff, see {@link RetryDelay}), through the injected {@link Sleeper}.
 */
final class HintAwareBackOffPolicy implements BackOffPolicy {

    private final Sleeper sleeper;

    HintAwareBackOffPolicy(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public BackOffContext start(RetryContext context) {
        return new DecisionHolder(context);
    }

    @Override
    public void backOff(BackOffContext backOffContext) {
        StepDecision decision = StepDecision.in(((DecisionHolder) backOffContext).retryContext());
        long millis = decision == null ? 0 : decision.delay().toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackOffInterruptedException("Interrupted while waiting to retry", e);
        }
    }

    /** Lets the backoff read the decision the policy stored in the retry context. */
    private record DecisionHolder(RetryContext retryContext) implements BackOffContext {
    }
}
