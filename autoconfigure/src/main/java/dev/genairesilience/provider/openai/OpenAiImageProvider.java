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
    private final boolean readsModel;

    /** @param readsModel whether the API has the free model read ({@code GET …/models/{model}}) */
    OpenAiImageProvider(String id, String model, OpenAiModelFamily family, ProviderCapabilities capabilities,
            Duration timeout, OpenAiImagesApi api, boolean readsModel) {
        super(id, model, capabilities, timeout);
        this.family = family;
        this.api = api;
        this.readsModel = readsModel;
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        String size = family.size(call.resolution(), call.ratio());
        return api.generate(model(), call.prompt(), size, family.asksForBase64(), call.timeout());
    }

    /** Reads the model's description: free, and a wrong key or model id shows at once. */
    @Override
    public void warmUp(Duration timeout) throws Exception {
        if (readsModel) {
            api.readModel(model(), timeout);
        }
    }

    @Override
    public boolean probes() {
        return readsModel;
    }

    /** Reads the model's description, which costs nothing. */
    @Override
    public void probe(Duration timeout) throws Exception {
        api.readModel(model(), timeout);
    }
}
