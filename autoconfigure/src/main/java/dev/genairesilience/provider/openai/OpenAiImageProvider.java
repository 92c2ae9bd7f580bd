package dev.genairesilience.provider.openai;

import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;

/** One model behind OpenAI's Images API, one {@code images/generations} call per {@link #generate}. */
final class OpenAiImageProvider implements ImageProvider {

    private final String id;
    private final String model;
    private final OpenAiModelFamily family;
    private final ProviderCapabilities capabilities;
    private final Duration timeout;
    private final OpenAiImagesApi api;

    OpenAiImageProvider(String id, String model, OpenAiModelFamily family, ProviderCapabilities capabilities,
            Duration timeout, OpenAiImagesApi api) {
        this.id = id;
        this.model = model;
        this.family = family;
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
        String size = family.size(call.resolution(), call.aspectRatio());
        return api.generate(model, call.prompt(), size, family.asksForBase64(), call.timeout());
    }

    @Override
    public String toString() {
        return "OpenAiImageProvider[id=" + id + ", model=" + model + "]";
    }
}
