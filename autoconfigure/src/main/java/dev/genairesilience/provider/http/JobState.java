package dev.genairesilience.provider.http;

import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.Objects;

/**
 * What one poll of a submitted job said: still pending (with the API's hint for the next poll, if it gave one),
 * ready with the image, or failed for good.
 */
public final class JobState {

    private final ProviderImage image;
    private final Exception failure;
    private final Duration nextPollHint;

    private JobState(ProviderImage image, Exception failure, Duration nextPollHint) {
        this.image = image;
        this.failure = failure;
        this.nextPollHint = nextPollHint;
    }

    /** Not finished yet; {@code hint} is when the API says to poll again, or {@code null}. */
    public static JobState pending(Duration hint) {
        return new JobState(null, null, hint);
    }

    /** Finished, with the image. */
    public static JobState ready(ProviderImage image) {
        return new JobState(Objects.requireNonNull(image, "image"), null, null);
    }

    /** Finished without an image: {@code failure} is what the attempt fails with (classified as any call's). */
    public static JobState failed(Exception failure) {
        return new JobState(null, Objects.requireNonNull(failure, "failure"), null);
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

    Duration nextPollHint() {
        return nextPollHint;
    }
}
