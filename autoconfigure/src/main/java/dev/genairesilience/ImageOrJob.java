package dev.genairesilience;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ImageGenerator#generateOrDefer(String, ImageRequest)} gives: the image, generated now, or the job the
 * request became because a peak window of its chain was on ({@code genai.chains.<name>.peak.defer}).
 */
public final class ImageOrJob {

    private final GeneratedImage image;
    private final ImageJob job;

    private ImageOrJob(GeneratedImage image, ImageJob job) {
        this.image = image;
        this.job = job;
    }

    /** An image generated now. */
    public static ImageOrJob image(GeneratedImage image) {
        return new ImageOrJob(Objects.requireNonNull(image, "image"), null);
    }

    /** A request queued for the off-peak window. */
    public static ImageOrJob job(ImageJob job) {
        return new ImageOrJob(null, Objects.requireNonNull(job, "job"));
    }

    /** Whether the request was queued instead of generated. */
    public boolean queued() {
        return job != null;
    }

    /** The image, when it was generated now. */
    public Optional<GeneratedImage> image() {
        return Optional.ofNullable(image);
    }

    /** The queued job, when the request was deferred. */
    public Optional<ImageJob> job() {
        return Optional.ofNullable(job);
    }

    @Override
    public String toString() {
        return queued() ? "ImageOrJob[" + job + "]" : "ImageOrJob[" + image + "]";
    }
}
