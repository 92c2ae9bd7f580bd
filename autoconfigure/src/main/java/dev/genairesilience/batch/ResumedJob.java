package dev.genairesilience.batch;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import java.util.Objects;

/**
 * How fetching a provider job an earlier run submitted went ({@link QueuedGenerator#resume}).
 *
 * @param outcome what happened
 * @param image   the image, when it was {@link Outcome#DELIVERED delivered}; its provenance is the one resumed attempt
 * @param attempt the resumed attempt, when there was one to tell of: delivered, abandoned or failed
 * @param reason  why the job could not be fetched, for the log (never a URL), or {@code null} when it was
 */
public record ResumedJob(Outcome outcome, GeneratedImage image, Attempt attempt, String reason) {

    /** What fetching the job came to. */
    public enum Outcome {
        /** It was finished: its image is the job's. */
        DELIVERED,
        /** Still pending when the time was up: cancelled where the API can cancel, and abandoned. */
        ABANDONED,
        /** It failed at the provider (moderated, or an error), or could not be polled. */
        FAILED,
        /** Nothing to fetch: the API no longer knows it, or its provider is gone or cannot resume. */
        UNKNOWN
    }

    public ResumedJob {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.DELIVERED) != (image != null)) {
            throw new IllegalArgumentException("an image goes with DELIVERED, and only with it");
        }
    }

    /** The job was not fetched: {@code attempt} (or {@code null}) tells of the try. */
    public static ResumedJob notFetched(Outcome outcome, Attempt attempt, String reason) {
        if (outcome == Outcome.DELIVERED) {
            throw new IllegalArgumentException("a delivered job has its image");
        }
        return new ResumedJob(outcome, null, attempt, Objects.requireNonNull(reason, "reason"));
    }

    /** The job was fetched: {@code image}'s last attempt is the resumed one. */
    public static ResumedJob fetched(GeneratedImage image) {
        return new ResumedJob(Outcome.DELIVERED, image, image.attempts().get(image.attempts().size() - 1), null);
    }
}
