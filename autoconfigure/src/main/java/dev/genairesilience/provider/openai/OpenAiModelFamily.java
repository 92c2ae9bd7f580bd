package dev.genairesilience.provider.openai;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.AspectRatio;
import java.util.Map;
import java.util.Set;

/**
 * What the Images API accepts per model family: the {@code size} for each aspect ratio, and whether
 * {@code response_format} must be sent to get base64 back.
 */
enum OpenAiModelFamily {

    /** {@code gpt-image-1} and its successors: always answer base64 and refuse {@code response_format}. */
    GPT_IMAGE(Map.of("1:1", "1024x1024", "3:2", "1536x1024", "2:3", "1024x1536"), false),

    /** {@code dall-e-3}: answers a URL unless asked for base64. */
    DALL_E_3(Map.of("1:1", "1024x1024", "16:9", "1792x1024", "9:16", "1024x1792"), true),

    /** {@code dall-e-2}: square only (its 256 and 512 sizes are below every {@link Resolution}). */
    DALL_E_2(Map.of("1:1", "1024x1024"), true);

    private final Map<String, String> sizes;
    private final boolean asksForBase64;

    OpenAiModelFamily(Map<String, String> sizes, boolean asksForBase64) {
        this.sizes = sizes;
        this.asksForBase64 = asksForBase64;
    }

    /** The family of {@code model}; a name it does not know (a gateway's model) is treated like gpt-image. */
    static OpenAiModelFamily of(String model) {
        if (model.startsWith("dall-e-3")) {
            return DALL_E_3;
        }
        if (model.startsWith("dall-e-2")) {
            return DALL_E_2;
        }
        return GPT_IMAGE;
    }

    /** The aspect ratios it has a size for. */
    Set<String> aspectRatios() {
        return sizes.keySet();
    }

    /** Whether to send {@code response_format: b64_json}. */
    boolean asksForBase64() {
        return asksForBase64;
    }

    /**
     * The {@code size} to send: the documented one at 1K; otherwise (an aspect ratio or resolution added
     * through options, for a gateway) the long side of the resolution and the short side from the ratio,
     * in multiples of 16. No resolution means 1K.
     */
    String size(Resolution resolution, AspectRatio ratio) {
        Resolution r = resolution == null ? Resolution.ONE_K : resolution;
        String documented = sizes.get(ratio.toString());
        if (documented != null && r == Resolution.ONE_K) {
            return documented;
        }
        return ratio.fit(r.longSide(), 16).toString();
    }
}
