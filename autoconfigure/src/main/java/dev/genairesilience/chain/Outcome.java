package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import java.util.List;

/**
 * What an execution delivered, and how.
 *
 * @param value    what the delivering step's call returned
 * @param step     the step that delivered (the plan's last resort included)
 * @param degraded whether it is less than what the plan asked first (see {@link Plan#degraded(Step)})
 * @param attempts every call made, in order, the delivering one last
 * @param <T>      what the steps produce
 */
public record Outcome<T>(T value, Step<T> step, boolean degraded, List<Attempt> attempts) {

    public Outcome {
        attempts = List.copyOf(attempts);
    }
}
