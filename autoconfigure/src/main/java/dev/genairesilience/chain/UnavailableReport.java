package dev.genairesilience.chain;

import dev.genairesilience.GenerationUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tells the caller that nothing could deliver: what each step met, and when trying again is worthwhile (the
 * longest server hint seen, else the soonest an open breaker of the plan lets a probe through, else 30 s;
 * never under 1 s).
 */
final class UnavailableReport {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

    private final ProviderLanes lanes;

    UnavailableReport(ProviderLanes lanes) {
        this.lanes = lanes;
    }

    GenerationUnavailableException exhausted(Plan<?> plan, ExecutionState state) {
        String reason = plan.steps().isEmpty() ? "the chain has no step it can try"
                : "every provider failed or was skipped (" + String.join("; ", state.stepNotes()) + ")";
        return build(plan, state, reason);
    }

    GenerationUnavailableException interrupted(Plan<?> plan, ExecutionState state) {
        return build(plan, state, "the calling thread was interrupted");
    }

    GenerationUnavailableException lastResortFailed(Plan<?> plan, ExecutionState state, String kind) {
        String reason = "every provider failed or was skipped (" + String.join("; ", state.stepNotes())
                + "), and the last resort " + plan.lastResort().label() + " failed too (" + kind + ")";
        return build(plan, state, reason);
    }

    private GenerationUnavailableException build(Plan<?> plan, ExecutionState state, String reason) {
        GenerationUnavailableException e = new GenerationUnavailableException(plan.name(), reason, state.attempts(),
                state.skipped(), retryAfter(plan, state));
        if (state.lastError() != null) {
            e.initCause(state.lastError());
        }
        return e;
    }

    private Duration retryAfter(Plan<?> plan, ExecutionState state) {
        Duration after = state.longestServerWait();
        if (after == null) {
            after = soonestProbe(plan);
        }
        return after.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER : after;
    }

    /** The configured open-state wait is an upper bound: the breaker may have opened a while ago. */
    private Duration soonestProbe(Plan<?> plan) {
        Set<String> ids = new LinkedHashSet<>();
        plan.steps().forEach(step -> ids.add(step.breakerId()));
        Duration soonest = null;
        for (String id : ids) {
            CircuitBreaker breaker = lanes.lane(id).breaker();
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                Duration wait = Duration.ofMillis(
                        breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
                if (soonest == null || wait.compareTo(soonest) < 0) {
                    soonest = wait;
                }
            }
        }
        return soonest == null ? DEFAULT_RETRY_AFTER : soonest;
    }
}
