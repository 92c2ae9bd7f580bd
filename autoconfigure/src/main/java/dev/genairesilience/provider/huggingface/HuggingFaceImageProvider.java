package dev.genairesilience.provider.huggingface;

import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.Resolution;
import dev.genairesilience.spi.PixelSize;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;

/**
 * One text-to-image model on Hugging Face's Inference API, one call per {@link #generate}. The pixel size
 * sent is the resolution's long side by the aspect ratio's short side, in multiples of 8 as diffusion
 * models need.
 */
final class HuggingFaceImageProvider extends ConfiguredImageProvider {

    /** A prompt that draws nothing of the application's. */
    private static final String WARM_UP_PROMPT = "warm-up";

    /** The smallest size the common diffusion models accept, so warming costs as little as a call can. */
    private static final PixelSize WARM_UP_SIZE = new PixelSize(256, 256);

    private final boolean waitForModel;
    private final HuggingFaceInferenceApi api;

    HuggingFaceImageProvider(String id, String model, boolean waitForModel, ProviderCapabilities capabilities,
            Duration timeout, HuggingFaceInferenceApi api) {
        super(id, model, capabilities, timeout);
        this.waitForModel = waitForModel;
        this.api = api;
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        return api.textToImage(call.prompt(), size(call), waitForModel, call.timeout());
    }

    /**
     * Generates one tiny image with {@code x-wait-for-model: true}, whatever {@code wait-for-model} says: the
     * server holds the call until a cold model is loaded. The Inference API has no free call, so this provider
     * is never probed.
     */
    @Override
    public void warmUp(Duration timeout) throws Exception {
        api.textToImage(WARM_UP_PROMPT, WARM_UP_SIZE, true, timeout);
    }

    /** No resolution means 1K, no aspect ratio 1:1. */
    private static PixelSize size(GenerationCall call) {
        Resolution resolution = call.resolution() == null ? Resolution.ONE_K : call.resolution();
        return call.ratio().fit(resolution.longSide(), 8);
    }
}
