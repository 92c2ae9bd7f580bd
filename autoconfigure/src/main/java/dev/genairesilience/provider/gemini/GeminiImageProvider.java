package dev.genairesilience.provider.gemini;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.ProviderSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * One Gemini image model ({@code gemini-3-pro-image-preview}, {@code gemini-2.5-flash-image}…), one
 * {@code generateContent} call per {@link #generate}, on the Gemini API or on Vertex AI.
 *
 * <p>Capabilities by model: {@code gemini-3-pro-image*} serves 1K, 2K and 4K, every other model 1K; all accept the
 * aspect ratios 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9 and 21:9. The options {@code resolutions} and
 * {@code aspect-ratios} override both (see {@link ProviderOptions}).
 */
public final class GeminiImageProvider extends ConfiguredImageProvider {

    private static final Set<String> ASPECT_RATIOS =
            Set.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9");

    private final GeminiApi api;

    private GeminiImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout,
            GeminiApi api) {
        super(id, model, capabilities, timeout);
        this.api = api;
    }

    /**
     * The provider of {@code settings} calling {@code model} through {@code api}, with the model's capabilities
     * (corrected by the options); it warms up and probes with the model's metadata where {@code api} reads it.
     */
    public static ImageProvider of(ProviderSettings settings, String model, GeminiApi api) {
        ProviderCapabilities capabilities = ProviderOptions.capabilities(settings, resolutionsOf(model), ASPECT_RATIOS);
        return new GeminiImageProvider(settings.id(), model, capabilities, settings.timeout(), api);
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        return api.generateImage(call.prompt(), call.aspectRatio(), imageSize(call.resolution()), call.timeout());
    }

    /** Reads the model's metadata where the API has that free read: a wrong key or model id shows at once. */
    @Override
    public void warmUp(Duration timeout) throws Exception {
        if (api.readsModel()) {
            api.readModel(timeout);
        }
    }

    @Override
    public boolean probes() {
        return api.readsModel();
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

    private static Set<Resolution> resolutionsOf(String model) {
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return id.startsWith("gemini-3-pro-image") ? EnumSet.allOf(Resolution.class) : EnumSet.of(Resolution.ONE_K);
    }
}
