package dev.genairesilience.provider.huggingface;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.Set;

/**
 * Providers of type {@code huggingface}: a text-to-image model on Hugging Face's Inference API, token as a
 * bearer token. With {@code wait-for-model: true} each call carries {@code x-wait-for-model: true}, so a
 * cold model holds the call until it is loaded (give such a provider a long timeout).
 *
 * <p>Capabilities: 1K and any aspect ratio of the form {@code W:H}; the options {@code resolutions} (for
 * instance {@code 1K,2K} for SDXL) and {@code aspect-ratios} override them (see {@link ProviderOptions}).
 */
public class HuggingFaceProviderFactory implements ImageProviderFactory {

    /** The public endpoint, used when no {@code base-url} is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://router.huggingface.co/hf-inference");

    @Override
    public String type() {
        return "huggingface";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        ProviderCapabilities capabilities =
                ProviderOptions.capabilities(settings, EnumSet.of(Resolution.ONE_K), Set.of());
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        HuggingFaceInferenceApi api = new HuggingFaceInferenceApi(http, baseUrl, model, settings.apiKey());
        return new HuggingFaceImageProvider(settings.id(), model, settings.waitForModel(), capabilities,
                settings.timeout(), api);
    }
}
