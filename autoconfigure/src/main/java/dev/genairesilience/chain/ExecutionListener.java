package dev.genairesilience.chain;

import dev.genairesilience.Attempt;

/**
 * Told what the {@link ChainExecutor} does, as it happens, for metrics, health, logs and the actuator endpoint.
 * Called on the executing thread, so an implementation must be quick and thread-safe; an exception it throws is
 * logged and never reaches the caller of the generation. Every method does nothing by default.
 */
public interface ExecutionListener {

    /** A listener that ignores everything. */
    ExecutionListener NONE = new ExecutionListener() {
    };

    /**
     * After each call to a provider, whether it delivered or failed.
     *
     * @param plan    the plan's name: the chain, or the {@code @ModelFallback} method
     * @param attempt the call as it happened (its failure kind is {@code null} when it delivered)
     */
    default void attemptFinished(String plan, Attempt attempt) {
    }

    /** When a step is skipped, or cut short before a retry, because its provider's circuit breaker refused a call. */
    default void breakerRefused(String plan, Step<?> step) {
    }

    /**
     * When a step is passed over without a call because its provider cannot take it now, and the request goes on to
     * the next step (or waits for room).
     *
     * @param reason {@code limit} (its lane is at its concurrency limit), {@code rate} (its requests per minute are
     *               spent) or {@code held} (a server's wait hint, or the one call that finds out whether the provider
     *               is back, is still under way)
     */
    default void stepSpilled(String plan, Step<?> step, String reason) {
    }

    /** When a step would have been retried, but its provider's retry budget was spent. */
    default void retryBudgetRefused(String plan, Step<?> step) {
    }

    /** Once per execution, when it delivered, or gave up with an exception to its caller. */
    default void executionFinished(ExecutionReport report) {
    }
}
