package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.context.RetryContextSupport;

/**
 * Whether an application's own call gets another attempt, decided once per failed attempt from the one classification
 * of its exception, by the engine's {@link StepDecider} rule: only when the failure's kind is retryable, attempts
 * remain and the {@link RetryDelay wait} fits before the deadline, counted from the opening of the retry context (each
 * {@code execute}). Keeps every decision in the {@link RetryContext}, so one policy serves all callers at once.
 */
final class ClassifiedRetryPolicy implements RetryPolicy {

    private static final String DEADLINE = ClassifiedRetryPolicy.class.getName() + ".deadline";

    private final FailureClassification classification;
    private final RetrySettings settings;
    private final StepDecider decider;
    private final Duration deadline;
    private final Clock clock;

    ClassifiedRetryPolicy(FailureClassification classification, RetrySettings settings, RetryDelay delay,
            Duration deadline, Clock clock) {
        this.classification = classification;
        this.settings = settings;
        this.decider = new StepDecider(settings, delay);
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public RetryContext open(RetryContext parent) {
        RetryContextSupport context = new RetryContextSupport(parent);
        context.setAttribute(DEADLINE, clock.instant().plus(deadline));
        return context;
    }

    @Override
    public boolean canRetry(RetryContext context) {
        return StepDecision.allowsAnotherAttempt(context);
    }

    @Override
    public void registerThrowable(RetryContext context, Throwable error) {
        ((RetryContextSupport) context).registerThrowable(error);
        Duration timeLeft = Duration.between(clock.instant(), (Instant) context.getAttribute(DEADLINE));
        decide(classification.classify(error), context.getRetryCount(), timeLeft).storeIn(context);
    }

    @Override
    public void close(RetryContext context) {
        // Nothing held beyond the context itself.
    }

    @Override
    public int getMaxAttempts() {
        return settings.maxAttempts();
    }

    /** The engine's one rule, with no other provider to turn to: a call is retried or given up, nothing else. */
    private StepDecision decide(Failure failure, int attemptsMade, Duration timeLeft) {
        return decider.decide(failure, attemptsMade, timeLeft, false, StepPolicy.DEFAULT);
    }
}
