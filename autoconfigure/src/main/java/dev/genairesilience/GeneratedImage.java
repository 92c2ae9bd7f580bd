package dev.genairesilience;

import java.util.List;

/**
 * An image and where it came from.
 *
 * @param bytes      the encoded image
 * @param mimeType   its media type, such as {@code image/png}
 * @param provider   the provider id that delivered it
 * @param model      the model that drew it
 * @param resolution the resolution it was generated at
 * @param degraded   {@code true} when it is not what was first asked for: a lower resolution, not the
 *                   chain's first provider, or the offline last resort
 * @param attempts   every call made for it, in order, the delivering one last
 * @param skipped    every step passed over without a call, in order, with the reason
 * @param shared     {@code true} when identical requests in flight at the same moment shared this one generation
 *                   ({@code genai.chains.<name>.coalesce}): the attempts and skipped steps are the shared ones
 */
public record GeneratedImage(byte[] bytes, String mimeType, String provider, String model, Resolution resolution,
        boolean degraded, List<Attempt> attempts, List<SkippedStep> skipped, boolean shared) {

    public GeneratedImage {
        attempts = List.copyOf(attempts);
        skipped = List.copyOf(skipped);
    }

    /** An image for which no step was passed over. */
    public GeneratedImage(byte[] bytes, String mimeType, String provider, String model, Resolution resolution,
            boolean degraded, List<Attempt> attempts) {
        this(bytes, mimeType, provider, model, resolution, degraded, attempts, List.of(), false);
    }

    /** The same image with its own copy of the bytes, marked as shared by several callers. */
    public GeneratedImage asShared() {
        return new GeneratedImage(bytes.clone(), mimeType, provider, model, resolution, degraded, attempts, skipped,
                true);
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + mimeType + ", " + bytes.length + " bytes, provider=" + provider + ", model=" + model
                + ", resolution=" + resolution + ", degraded=" + degraded + ", attempts=" + attempts.size()
                + (skipped.isEmpty() ? "" : ", skipped=" + skipped.size()) + (shared ? ", shared" : "") + "]";
    }
}
