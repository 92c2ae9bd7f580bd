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
 */
public record GeneratedImage(byte[] bytes, String mimeType, String provider, String model, Resolution resolution,
        boolean degraded, List<Attempt> attempts) {

    public GeneratedImage {
        attempts = List.copyOf(attempts);
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + mimeType + ", " + bytes.length + " bytes, provider=" + provider + ", model=" + model
                + ", resolution=" + resolution + ", degraded=" + degraded + ", attempts=" + attempts.size() + "]";
    }
}
