package dev.genairesilience.chain;

import dev.genairesilience.ModelAttempt;

/**
 * The work of one step: exactly one call to a model, never a retry of its own (the executor is the only
 * retry loop). Whatever it throws is classified once by the engine's {@code FailureClassification}.
 *
 * @param <T> what the call produces
 */
@FunctionalInterface
public interface StepCall<T> {

    /**
     * Makes the one call.
     *
     * @param attempt which model to ask, and {@link ModelAttempt#timeout()}: the smaller of the step's
     *                timeout and the time left before the deadline, which the call must not outlast
     */
    T call(ModelAttempt attempt) throws Exception;
}
