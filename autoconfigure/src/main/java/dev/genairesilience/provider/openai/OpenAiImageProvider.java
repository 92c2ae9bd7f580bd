package dev.genairesilience.provider.openai;

import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;

/** One model behind OpenAI's Images API, one {@code images/generations} call per {@link #generate}. */
final class OpenAiImageProvider extends ConfiguredImageProvider {

    private final OpenAiModelFamily family;
    private final OpenAiImagesApi api;

    OpenAiImageProvider(String id, String model, OpenAiModelFamily family, ProviderCapabilities capabilities,
            Duration timeout, OpenAiImagesApi api) {
        super(id, model, capabilities, timeout);
        this.family = family;
        this.api = api;
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        String size = family.size(call.resolution(), call.aspectRatio());
        return api.generate(model(), call.prompt(), size, family.asksForBase64(), call.timeout());
    }
}
