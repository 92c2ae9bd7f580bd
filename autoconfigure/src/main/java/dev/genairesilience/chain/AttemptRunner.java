package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.AbandonedJobException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Makes one call of a step and accounts for it: times it, classifies a failure once, tells the lane (its breaker,
 * its hold, its latency, its concurrency limit) and records the {@link Attempt}, priced by the {@link PriceList}. The
 * caller has already taken a place in the lane and the breaker's permission; both are given back here, whatever
 * happens.
 * Only a provider fault is an error to the breaker: a rejected, blocked or unrecognised call releases the
 * permission, so that no caller can open a healthy provider's breaker.
 */
final class AttemptRunner {

    private final ExecutionState state;
    private final FailureClassification classification;
    private final PriceList prices;
    private final Clock clock;
    private final ExecutionObserver observer;

    AttemptRunner(ExecutionState state, FailureClassification classification, PriceList prices, Clock clock,
            ExecutionObserver observer) {
        this.state = state;
        this.classification = classification;
        this.prices = prices;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * @param place the call's place in the step's lane, whose breaker holds a permission for this call, or
     *              {@code null} for the last resort
     * @throws AttemptFailedException  when the call failed, with its classification
     * @throws StepStoppedException    when the thread was interrupted during the call (interrupt flag kept)
     */
    <T> T call(Step<T> step, LanePlace place, Duration timeout, Duration waitBefore) {
        ExecutionObserver.Observed<Attempt> observed = observer.attemptStarted(state.planName(), step,
                state.nextAttemptNumber());
        try {
            return call(step, place, timeout, waitBefore, observed);
        } catch (RuntimeException | Error e) {
            // ignored when the attempt has already ended with what happened: this is for what cut it short
            observed.failed(e);
            throw e;
        }
    }

    private <T> T call(Step<T> step, LanePlace place, Duration timeout, Duration waitBefore,
            ExecutionObserver.Observed<Attempt> observed) {
        ProviderLane lane = place == null ? null : place.lane();
        ModelAttempt attempt = new ModelAttempt(step.provider(), step.model(), step.resolution(), state.aspectRatio(),
                state.nextAttemptNumber(), timeout);
        Attempt.Builder record = Attempt.builder(step.provider(), step.model()).resolution(step.resolution())
                .waitBefore(waitBefore).timeout(timeout);
        CircuitBreaker breaker = lane == null ? null : lane.breaker();
        Instant start = clock.instant();
        try {
            T value = step.call().call(attempt);
            Duration took = since(start);
            if (lane != null) {
                breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
                lane.resolutionHealth().record(step.resolution(), true);
                place.leaveDelivered(took);
            }
            Attempt delivered = record.duration(took).cost(prices.delivered(step.provider(), step.resolution()))
                    .build();
            state.recordSuccess(delivered);
            observed.finished(delivered);
            return value;
        } catch (InterruptedException e) {
            release(place);
            observed.failed(e);
            Thread.currentThread().interrupt();
            throw new StepStoppedException(StepStoppedException.Reason.INTERRUPTED);
        } catch (Exception e) {
            Duration took = since(start);
            Failure failure = classification.classify(e);
            if (lane != null) {
                lane.hold(failure);
                if (failure.kind().providerFault()) {
                    breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, e);
                    lane.resolutionHealth().record(step.resolution(), false);
                } else {
                    breaker.releasePermission();
                }
                if (failure.kind() == FailureKind.AUTHENTICATION) {
                    lane.refuseKey(failure.httpStatus());
                }
                place.leaveFailed(failure);
            }
            if (e instanceof AbandonedJobException abandoned) {
                record.abandonedJob(abandoned.jobId());
            }
            Attempt failed = record.failure(failure.kind(), failure.httpStatus()).duration(took)
                    .cost(prices.failed(step.provider(), failure.httpStatus())).build();
            state.recordFailure(failed, failure, e);
            observed.finished(failed);
            throw new AttemptFailedException(failure, e);
        } catch (Error e) {
            release(place);
            observed.failed(e);
            throw e;
        }
    }

    private static void release(LanePlace place) {
        if (place != null) {
            place.lane().breaker().releasePermission();
            place.leave();
        }
    }

    private Duration since(Instant start) {
        Duration took = Duration.between(start, clock.instant());
        return took.isNegative() ? Duration.ZERO : took;
    }
}
