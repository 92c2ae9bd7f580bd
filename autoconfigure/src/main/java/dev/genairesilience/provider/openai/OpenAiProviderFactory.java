package dev.genairesilience.provider.openai;

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

/**
 * Providers of type {@code openai}: OpenAI's Images API, or any OpenAI-compatible gateway through
 * {@code base-url}; key as a bearer token.
 *
 * <p>Capabilities by model, all at 1K: {@code gpt-image-*} 1:1, 3:2 and 2:3; {@code dall-e-3} 1:1, 16:9 and
 * 9:16; {@code dall-e-2} 1:1. A model name it does not know is treated like gpt-image. The options
 * {@code resolutions} and {@code aspect-ratios} override both (see {@link ProviderOptions}); sizes for what
 * they add are computed from the resolution's long side.
 */
public class OpenAiProviderFactory implements ImageProviderFactory {

    /** The public endpoint, used when no {@code base-url} is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com");

    @Override
    public String type() {
        return "openai";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        OpenAiModelFamily family = OpenAiModelFamily.of(model);
        ProviderCapabilities capabilities =
                ProviderOptions.capabilities(settings, EnumSet.of(Resolution.ONE_K), family.aspectRatios());
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        OpenAiImagesApi api = OpenAiImagesApi.openAi(http, baseUrl, settings.apiKey());
        return new OpenAiImageProvider(settings.id(), model, family, capabilities, settings.timeout(), api, true);
    }
}
