package dev.genairesilience.provider.vertex;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.ProviderSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * One Imagen model on Vertex AI ({@code imagen-4.0-generate-001}, {@code imagen-4.0-fast-generate-001}…), one
 * {@code :predict} call per {@link #generate}.
 *
 * <p>Capabilities by model, from Vertex AI's Imagen model pages (2025): the aspect ratios 1:1, 3:4, 4:3, 9:16 and
 * 16:9; 1K and 2K for {@code imagen-4.0-generate-001} and {@code imagen-4.0-ultra-generate-001}, the two models
 * "Set output resolution" lists for {@code sampleImageSize}, and 1K for every other model, which gets no
 * {@code sampleImageSize}. The options {@code resolutions} and {@code aspect-ratios} override both (see
 * {@link ProviderOptions}); a model given more than 1K by them is sent {@code sampleImageSize}.
 */
final class ImagenImageProvider extends ConfiguredImageProvider {

    private static final Set<String> ASPECT_RATIOS = Set.of("1:1", "3:4", "4:3", "9:16", "16:9");
    private static final Set<String> SIZED_MODELS = Set.of("imagen-4.0-generate-001", "imagen-4.0-ultra-generate-001");

    private final ImagenApi api;

    private ImagenImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout,
            ImagenApi api) {
        super(id, model, capabilities, timeout);
        this.api = api;
    }

    /** Whether {@code model} is an Imagen model, called through {@code :predict}. */
    static boolean isImagen(String model) {
        return model.startsWith("imagen-");
    }

    static ImagenImageProvider of(ProviderSettings settings, String model, ImagenApi api) {
        Set<Resolution> sizes = SIZED_MODELS.contains(model) ? EnumSet.of(Resolution.ONE_K, Resolution.TWO_K)
                : EnumSet.of(Resolution.ONE_K);
        ProviderCapabilities capabilities = ProviderOptions.capabilities(settings, sizes, ASPECT_RATIOS);
        return new ImagenImageProvider(settings.id(), model, capabilities, settings.timeout(), api);
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        return api.generateImage(call.prompt(), call.aspectRatio(), imageSize(call.resolution()), call.timeout());
    }

    private String imageSize(Resolution resolution) {
        return resolution == null || capabilities().resolutions().equals(Set.of(Resolution.ONE_K)) ? null
                : resolution.label();
    }
}
