package dev.genairesilience;

import java.math.BigDecimal;
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
 * @param cost       what it cost, in the currency of {@code genai.providers.<id>.price}: the sum of its attempts'
 *                   {@link Attempt#cost() costs} (the delivering provider's price at the delivered resolution, plus
 *                   {@code price.failed-call} for each failed call answered, when configured); {@link BigDecimal#ZERO}
 *                   when it cost nothing (the offline card, unless priced), {@code null} when it is not known (the
 *                   delivering provider has no price for that resolution). A shared image carries the cost of the
 *                   one generation, which was paid once for all who shared it
 */
public record GeneratedImage(byte[] bytes, String mimeType, String provider, String model, Resolution resolution,
        boolean degraded, List<Attempt> attempts, List<SkippedStep> skipped, boolean shared, BigDecimal cost) {

    public GeneratedImage {
        attempts = List.copyOf(attempts);
        skipped = List.copyOf(skipped);
    }

    /** An image for which no step was passed over, of a cost not known. */
    public GeneratedImage(byte[] bytes, String mimeType, String provider, String model, Resolution resolution,
            boolean degraded, List<Attempt> attempts) {
        this(bytes, mimeType, provider, model, resolution, degraded, attempts, List.of(), false);
    }

    /** An image of a cost not known. */
    public GeneratedImage(byte[] bytes, String mimeType, String provider, String model, Resolution resolution,
            boolean degraded, List<Attempt> attempts, List<SkippedStep> skipped, boolean shared) {
        this(bytes, mimeType, provider, model, resolution, degraded, attempts, skipped, shared, null);
    }

    /** The same image with its own copy of the bytes, marked as shared by several callers. */
    public GeneratedImage asShared() {
        return new GeneratedImage(bytes.clone(), mimeType, provider, model, resolution, degraded, attempts, skipped,
                true, cost);
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + mimeType + ", " + bytes.length + " bytes, provider=" + provider + ", model=" + model
                + ", resolution=" + resolution + ", degraded=" + degraded + ", attempts=" + attempts.size()
                + (skipped.isEmpty() ? "" : ", skipped=" + skipped.size()) + (shared ? ", shared" : "")
                + (cost == null ? "" : ", cost=" + cost.toPlainString()) + "]";
    }
}
