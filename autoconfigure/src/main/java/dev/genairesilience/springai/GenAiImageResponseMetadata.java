package dev.genairesilience.springai;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.SkippedStep;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.ai.image.ImageResponseMetadata;

/**
 * The provenance of an image a chain generated for a Spring AI caller, as {@link GeneratedImage} has it: readable
 * through the getters, or as entries under the {@code genai.*} keys for code that knows only
 * {@link ImageResponseMetadata} ({@code response.getMetadata().get("genai.provider")}).
 */
public class GenAiImageResponseMetadata extends ImageResponseMetadata {

    /** The provider id that delivered the image, a {@code String}. */
    public static final String PROVIDER = "genai.provider";

    /** The model that drew it, a {@code String}. */
    public static final String MODEL = "genai.model";

    /** The resolution it was generated at, a {@code String} such as {@code 2K}. */
    public static final String RESOLUTION = "genai.resolution";

    /** Whether it is less than the chain's first step asked for, a {@code Boolean}. */
    public static final String DEGRADED = "genai.degraded";

    /** Every call made for it, the delivering one last, a {@code List<Attempt>}. */
    public static final String ATTEMPTS = "genai.attempts";

    /** The steps passed over without a call, a {@code List<SkippedStep>}. */
    public static final String SKIPPED = "genai.skipped";

    /** What it cost, a {@code BigDecimal}; absent when not known. */
    public static final String COST = "genai.cost";

    private final GeneratedImage image;

    /** The provenance of {@code image} (its bytes are not kept here). */
    public GenAiImageResponseMetadata(GeneratedImage image) {
        this.image = new GeneratedImage(new byte[0], image.mimeType(), image.provider(), image.model(),
                image.resolution(), image.degraded(), image.attempts(), image.skipped(), image.shared(), image.cost());
        put(PROVIDER, image.provider());
        put(MODEL, image.model());
        put(RESOLUTION, image.resolution().label());
        put(DEGRADED, image.degraded());
        put(ATTEMPTS, image.attempts());
        put(SKIPPED, image.skipped());
        if (image.cost() != null) {
            put(COST, image.cost());
        }
    }

    /** The provider id that delivered the image. */
    public String provider() {
        return image.provider();
    }

    /** The model that drew it. */
    public String model() {
        return image.model();
    }

    /** The resolution it was generated at, such as {@code 2K}. */
    public String resolution() {
        return image.resolution().label();
    }

    /** Whether it is less than the chain's first step asked for (see {@link GeneratedImage#degraded()}). */
    public boolean degraded() {
        return image.degraded();
    }

    /** Every call made for it, in order, the delivering one last. */
    public List<Attempt> attempts() {
        return image.attempts();
    }

    /** The steps passed over without a call. */
    public List<SkippedStep> skipped() {
        return image.skipped();
    }

    /** What it cost, or {@code null} when not known (see {@link GeneratedImage#cost()}). */
    public BigDecimal cost() {
        return image.cost();
    }

    @Override
    public String toString() {
        return "GenAiImageResponseMetadata[provider=" + provider() + ", model=" + model() + ", resolution="
                + resolution() + ", degraded=" + degraded() + ", attempts=" + attempts().size() + "]";
    }
}
