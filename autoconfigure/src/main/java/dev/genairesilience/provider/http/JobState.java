package dev.genairesilience.provider.http;

import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.Objects;

/**
 * What one poll of a submitted job said: still pending (with the API's hint for the next poll, if it gave one),
 * ready with the image, failed for good, or unknown to the API (expired, or never there).
 */
public final class JobState {

    private final ProviderImage image;
    private final Exception failure;
    private final Duration nextPollHint;
    private final boolean gone;

    private JobState(ProviderImage image, Exception failure, Duration nextPollHint, boolean gone) {
        this.image = image;
        this.failure = failure;
        this.nextPollHint = nextPollHint;
        this.gone = gone;
    }

    /** Not finished yet; {@code hint} is when the API says to poll again, or {@code null}. */
    public static JobState pending(Duration hint) {
        return new JobState(null, null, hint, false);
    }

    /** Finished, with the image. */
    public static JobState ready(ProviderImage image) {
        return new JobState(Objects.requireNonNull(image, "image"), null, null, false);
    }

    /** Finished without an image: {@code failure} is what the attempt fails with (classified as any call's). */
    public static JobState failed(Exception failure) {
        return new JobState(null, Objects.requireNonNull(failure, "failure"), null, false);
    }

    /**
     * The API no longer knows the job (or its result): {@code failure} is what an attempt that just submitted it
     * fails with, as for {@link #failed}; a {@link JobPoller#resume resumed} job is reported unknown instead.
     */
    public static JobState gone(Exception failure) {
        return new JobState(null, Objects.requireNonNull(failure, "failure"), null, true);
    }

    boolean isPending() {
        return image == null && failure == null;
    }

    ProviderImage image() {
        return image;
    }

    Exception failure() {
        return failure;
    }

    boolean isGone() {
        return gone;
    }

    Duration nextPollHint() {
        return nextPollHint;
    }
}
