package dev.genairesilience.internal.warmup;

import dev.genairesilience.failure.FailureKind;
import java.time.Instant;

/**
 * Where one {@link WarmupTarget} stands.
 *
 * @param target     the target's name
 * @param state      its state
 * @param since      when it entered that state
 * @param lastWarmed when a warm-up last succeeded, or {@code null} when none has
 * @param warmUps    how many warm-ups have succeeded, keep-alives included
 * @param failure    the failure kind of the last failed warm-up while {@code FAILED}, else {@code null}
 * @param problem    why the last warm-up failed while {@code FAILED} (failure kinds and HTTP statuses, never a key or
 *                   a prompt), else {@code null}
 */
public record WarmupStatus(String target, State state, Instant since, Instant lastWarmed, int warmUps,
        FailureKind failure, String problem) {

    /** The states of a warm-up target. */
    public enum State {
        /** Not warmed yet: the application has not finished starting. */
        PENDING,
        /** A warm-up is running. */
        WARMING,
        /** The last warm-up succeeded. */
        WARM,
        /** The last warm-up failed; {@code problem} says why. */
        FAILED
    }
}
