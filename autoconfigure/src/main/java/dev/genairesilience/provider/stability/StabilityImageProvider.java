package dev.genairesilience.provider.stability;

import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;

/** One Stable Image model at Stability AI, one {@code generate} call per {@link #generate}. */
final class StabilityImageProvider extends ConfiguredImageProvider {

    private final StabilityApi api;
    private final String endpoint;
    private final String sd3Model;

    StabilityImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout,
            StabilityApi api) {
        super(id, model, capabilities, timeout);
        this.api = api;
        this.endpoint = model.startsWith("sd3") ? "sd3" : model;
        this.sd3Model = model.startsWith("sd3") ? model : null;
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        return api.generate(endpoint, sd3Model, call.prompt(), call.ratio().toString(), call.timeout());
    }
}
