package dev.genairesilience.provider.gemini;

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
 * Providers of type {@code gemini}: Google's Gemini API ({@code generateContent} with image output), key
 * in {@code x-goog-api-key}.
 *
 * <p>Capabilities by model: {@code gemini-3-pro-image*} serves 1K, 2K and 4K, every other model 1K; all
 * accept the aspect ratios 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4, 9:16, 16:9 and 21:9. The options
 * {@code resolutions} and {@code aspect-ratios} override both (see {@link ProviderOptions}).
 */
public class GeminiProviderFactory implements ImageProviderFactory {

    /** The public endpoint, used when no {@code base-url} is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://generativelanguage.googleapis.com");

    private static final Set<String> ASPECT_RATIOS =
            Set.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9");

    @Override
    public String type() {
        return "gemini";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderCapabilities capabilities = new ProviderCapabilities(
                ProviderOptions.resolutions(settings, resolutionsOf(model)),
                ProviderOptions.aspectRatios(settings, ASPECT_RATIOS), false);
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        GeminiApi api = new GeminiApi(http, baseUrl, model, settings.apiKey());
        return new GeminiImageProvider(settings.id(), model, capabilities, settings.timeout(), api);
    }

    private static Set<Resolution> resolutionsOf(String model) {
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return id.startsWith("gemini-3-pro-image") ? EnumSet.allOf(Resolution.class) : EnumSet.of(Resolution.ONE_K);
    }
}
