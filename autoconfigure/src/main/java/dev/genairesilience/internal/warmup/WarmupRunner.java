package dev.genairesilience.internal.warmup;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.chain.ChainExecutor;
import dev.genairesilience.chain.Plan;
import dev.genairesilience.chain.Step;
import dev.genairesilience.failure.FailureKind;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms one {@link WarmupTarget} through the chain engine, as a plan of one step whose deadline is the target's
 * timeout: failures are classified, retried as the server hints allow (a Hugging Face model still loading is waited
 * out) and counted by the target's breaker. Records the result in {@link WarmupStates} and logs it: at INFO when the
 * target becomes warm, at DEBUG when a keep-alive finds it warm already, at WARN when it fails.
 */
public final class WarmupRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmupRunner.class);

    private final ChainExecutor executor;
    private final WarmupStates states;

    /**
     * @param executor an executor without the generation listeners: warming is not a generation
     * @param states   where results go
     */
    public WarmupRunner(ChainExecutor executor, WarmupStates states) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.states = Objects.requireNonNull(states, "states");
    }

    /** Warms the target once; never throws for a failed warm-up. @return whether it is warm */
    public boolean warm(WarmupTarget target) {
        boolean wasWarm = states.status(target.name()).map(s -> s.state() == WarmupStatus.State.WARM)
                .orElse(false);
        states.warming(target.name());
        Step<Void> step = Step.<Void>builder(target.name(), attempt -> {
            target.call().warm(attempt);
            return null;
        }).lane(target.breakerId()).model(target.model()).timeout(target.timeout()).build();
        long start = System.nanoTime();
        try {
            int attempts = executor.execute(Plan.<Void>builder("warm-up " + target.name(), target.timeout())
                    .step(step).build()).attempts().size();
            states.warmed(target.name());
            if (wasWarm) {
                log.debug("genai keep-alive of {} done in {} ms", target.name(), millisSince(start));
            } else {
                log.info("genai warm-up of {} done in {} ms ({} attempt(s))", target.name(), millisSince(start),
                        attempts);
            }
            return true;
        } catch (GenerationUnavailableException e) {
            fail(target, lastFailure(e.attempts()), problem(e.attempts()), start);
        } catch (GenerationRejectedException e) {
            fail(target, FailureKind.BAD_REQUEST, "the provider rejected the warm-up call as invalid (HTTP "
                    + e.httpStatus() + ")", start);
        }
        return false;
    }

    private void fail(WarmupTarget target, FailureKind kind, String problem, long start) {
        states.failed(target.name(), kind, problem);
        log.warn("genai warm-up of {} failed after {} ms: {}", target.name(), millisSince(start), problem);
    }

    private static FailureKind lastFailure(List<Attempt> attempts) {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).failure();
    }

    /** Failure kinds and statuses only: the exception's own text may quote a provider's answer. */
    private static String problem(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return "no call made (its circuit breaker is open)";
        }
        return attempts.size() + " attempt(s), the last " + attempts.get(attempts.size() - 1).summary();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
