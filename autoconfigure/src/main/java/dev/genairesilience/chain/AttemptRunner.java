package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Makes one call of a step and accounts for it: times it, classifies a failure once, tells the breaker and
 * the {@link ProviderHolds}, and records the {@link Attempt}. The caller has already acquired the breaker's permission.
 */
final class AttemptRunner {

    private final ExecutionState state;
    private final FailureClassification classification;
    private final ProviderHolds holds;
    private final Clock clock;

    AttemptRunner(ExecutionState state, FailureClassification classification, ProviderHolds holds, Clock clock) {
        this.state = state;
        this.classification = classification;
        this.holds = holds;
        this.clock = clock;
    }

    /**
     * @param breaker the step's breaker holding a permission for this call, or {@code null} for the last resort
     * @throws AttemptFailedException  when the call failed, with its classification
     * @throws StepStoppedException    when the thread was interrupted during the call (interrupt flag kept)
     */
    <T> T call(Step<T> step, Duration timeout, Duration waitBefore, CircuitBreaker breaker) {
        ModelAttempt attempt = new ModelAttempt(step.provider(), step.model(), step.resolution(), state.aspectRatio(),
                state.nextAttemptNumber(), timeout);
        Instant start = clock.instant();
        try {
            T value = step.call().call(attempt);
            Duration took = since(start);
            if (breaker != null) {
                breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
            }
            state.recordSuccess(new Attempt(step.provider(), step.model(), step.resolution(), null, 0, took, waitBefore));
            return value;
        } catch (InterruptedException e) {
            release(breaker);
            Thread.currentThread().interrupt();
            throw new StepStoppedException(StepStoppedException.Reason.INTERRUPTED);
        } catch (Exception e) {
            Duration took = since(start);
            Failure failure = classification.classify(e);
            holds.record(step.breakerId(), failure, clock.instant());
            if (breaker != null && failure.kind().providerFault()) {
                breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, e);
            } else {
                release(breaker);
            }
            state.recordFailure(new Attempt(step.provider(), step.model(), step.resolution(), failure.kind(),
                    failure.httpStatus(), took, waitBefore), failure, e);
            throw new AttemptFailedException(failure, e);
        } catch (Error e) {
            release(breaker);
            throw e;
        }
    }

    private static void release(CircuitBreaker breaker) {
        if (breaker != null) {
            breaker.releasePermission();
        }
    }

    private Duration since(Instant start) {
        Duration took = Duration.between(start, clock.instant());
        return took.isNegative() ? Duration.ZERO : took;
    }
}
