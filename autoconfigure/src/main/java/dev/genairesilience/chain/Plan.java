package dev.genairesilience.chain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one execution tries, in order, within one deadline.
 *
 * @param name        the chain (or method) name, for messages and {@code GenerationUnavailableException#chain()}
 * @param steps       the steps, best first; the first one is what the caller asked for
 * @param lastResort  an offline stand-in called once when every step failed, even past the deadline, or {@code null}
 * @param deadline    how long the whole execution may take, sleeps included (the last resort aside)
 * @param aspectRatio the aspect ratio handed to every {@code ModelAttempt}, or {@code null}
 * @param prompt      the prompt the steps draw, for an {@link ExecutionListener} that the application allowed to
 *                    log it, or {@code null}; {@link #toString()} never shows it
 * @param <T>         what the steps produce
 */
public record Plan<T>(String name, List<Step<T>> steps, Step<T> lastResort, Duration deadline, String aspectRatio,
        String prompt) {

    public Plan {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("Plan deadline must be positive, was " + deadline);
        }
    }

    /** A plan without a prompt to report. */
    public Plan(String name, List<Step<T>> steps, Step<T> lastResort, Duration deadline, String aspectRatio) {
        this(name, steps, lastResort, deadline, aspectRatio, null);
    }

    /** A plan whose attempts carry no aspect ratio. */
    public Plan(String name, List<Step<T>> steps, Step<T> lastResort, Duration deadline) {
        this(name, steps, lastResort, deadline, null, null);
    }

    /**
     * Whether a result of {@code step} is less than what the plan asked first: the last resort, a stand-in,
     * another provider than the first step's, or a lower resolution than the first step's.
     */
    public boolean degraded(Step<T> step) {
        if (step == lastResort || step.alwaysDegraded() || steps.isEmpty()) {
            return true;
        }
        Step<T> first = steps.get(0);
        boolean lowerResolution = step.resolution() != null && first.resolution() != null
                && step.resolution().compareTo(first.resolution()) < 0;
        return lowerResolution || !step.provider().equals(first.provider());
    }

    @Override
    public String toString() {
        return "Plan[name=" + name + ", steps=" + steps.size() + ", lastResort="
                + (lastResort == null ? null : lastResort.label()) + ", deadline=" + deadline + ", aspectRatio="
                + aspectRatio + ", prompt=" + (prompt == null ? null : "<" + prompt.length() + " chars>") + "]";
    }
}
