package dev.genairesilience.provider.gemini;

import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.Resolution;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.Set;

/**
 * One Gemini image model ({@code gemini-3-pro-image-preview}, {@code gemini-2.5-flash-image}…), one
 * {@code generateContent} call per {@link #generate}.
 */
final class GeminiImageProvider extends ConfiguredImageProvider {

    private final GeminiApi api;

    GeminiImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout, GeminiApi api) {
        super(id, model, capabilities, timeout);
        this.api = api;
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        return api.generateImage(call.prompt(), call.aspectRatio(), imageSize(call.resolution()), call.timeout());
    }

    /** Reads the model's metadata: free, and a wrong key or model id shows at once. */
    @Override
    public void warmUp(Duration timeout) throws Exception {
        api.readModel(timeout);
    }

    @Override
    public boolean probes() {
        return true;
    }

    /** Reads the model's metadata, which costs nothing. */
    @Override
    public void probe(Duration timeout) throws Exception {
        api.readModel(timeout);
    }

    /** Models with one size reject {@code imageSize} (2.5 Flash Image answers 400 to it), so they get none. */
    private String imageSize(Resolution resolution) {
        return resolution == null || capabilities().resolutions().equals(Set.of(Resolution.ONE_K)) ? null
                : resolution.label();
    }
}
