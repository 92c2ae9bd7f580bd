package dev.genairesilience;

import java.time.Instant;
import java.util.Objects;

/**
 * An image request accepted for the off-peak window, as {@link ImageGenerator#submit(String, ImageRequest)}
 * returns it and {@link ImageGenerator#job(String)} finds it again. It holds no prompt, so it may be logged
 * and sent to clients as it is.
 *
 * @param id                  the job's id, unique across instances
 * @param state               where the job is
 * @param chain               the chain that generates it
 * @param estimatedCompletion when it should be done: estimated while it waits or runs, the actual time once it is
 *                            {@link JobState#isFinal() final}
 * @param windowsTried        in how many off-peak windows it has run (a job runs at most
 *                            {@code genai.batch.max-windows} windows)
 * @param failureReason       why it failed for good, or {@code null} unless it is {@link JobState#FAILED}
 * @param createdAt           when it was accepted
 * @param updatedAt           when its state last changed
 */
public record ImageJob(String id, JobState state, String chain, Instant estimatedCompletion, int windowsTried,
        String failureReason, Instant createdAt, Instant updatedAt) {

    public ImageJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(chain, "chain");
    }
}
