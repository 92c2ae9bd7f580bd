package dev.genairesilience.provider.gemini;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.Set;

/**
 * One Gemini image model ({@code gemini-3-pro-image-preview}, {@code gemini-2.5-flash-image}…), one
 * {@code generateContent} call per {@link #generate}.
 */
final class GeminiImageProvider implements ImageProvider {

    private final String id;
    private final String model;
    private final ProviderCapabilities capabilities;
    private final Duration timeout;
    private final GeminiApi api;

    GeminiImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout, GeminiApi api) {
        this.id = id;
        this.model = model;
        this.capabilities = capabilities;
        this.timeout = timeout;
        this.api = api;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        return api.generateImage(call.prompt(), call.aspectRatio(), imageSize(call.resolution()), call.timeout());
    }

    /** Models with one size reject {@code imageSize} (2.5 Flash Image answers 400 to it), so they get none. */
    private String imageSize(Resolution resolution) {
        return resolution == null || capabilities.resolutions().equals(Set.of(Resolution.ONE_K)) ? null
                : resolution.label();
    }

    @Override
    public String toString() {
        return "GeminiImageProvider[id=" + id + ", model=" + model + "]";
    }
}
