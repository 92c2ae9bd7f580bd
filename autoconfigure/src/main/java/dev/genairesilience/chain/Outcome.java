package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import dev.genairesilience.SkippedStep;
import java.util.List;

/**
 * What an execution delivered, and how.
 *
 * @param value    what the delivering step's call returned
 * @param step     the step that delivered (the plan's last resort included)
 * @param degraded whether it is less than what the plan asked first (see {@link Plan#degraded(Step)})
 * @param attempts every call made, in order, the delivering one last
 * @param skipped  every step passed over without a call, in order, with the reason
 * @param <T>      what the steps produce
 */
public record Outcome<T>(T value, Step<T> step, boolean degraded, List<Attempt> attempts,
        List<SkippedStep> skipped) {

    public Outcome {
        attempts = List.copyOf(attempts);
        skipped = List.copyOf(skipped);
    }
}
