package dev.genairesilience.provider.huggingface;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.http.AspectRatio;
import dev.genairesilience.provider.http.PixelSize;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;

/**
 * One text-to-image model on Hugging Face's Inference API, one call per {@link #generate}. The pixel size
 * sent is the resolution's long side by the aspect ratio's short side, in multiples of 8 as diffusion
 * models need.
 */
final class HuggingFaceImageProvider implements ImageProvider {

    private final String id;
    private final String model;
    private final boolean waitForModel;
    private final ProviderCapabilities capabilities;
    private final Duration timeout;
    private final HuggingFaceInferenceApi api;

    HuggingFaceImageProvider(String id, String model, boolean waitForModel, ProviderCapabilities capabilities,
            Duration timeout, HuggingFaceInferenceApi api) {
        this.id = id;
        this.model = model;
        this.waitForModel = waitForModel;
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
        return api.textToImage(call.prompt(), size(call), waitForModel, call.timeout());
    }

    /** No resolution means 1K, no aspect ratio 1:1. */
    private static PixelSize size(GenerationCall call) {
        Resolution resolution = call.resolution() == null ? Resolution.ONE_K : call.resolution();
        AspectRatio ratio = AspectRatio.parse(call.aspectRatio() == null ? "1:1" : call.aspectRatio());
        return ratio.fit(resolution.longSide(), 8);
    }

    @Override
    public String toString() {
        return "HuggingFaceImageProvider[id=" + id + ", model=" + model + "]";
    }
}
