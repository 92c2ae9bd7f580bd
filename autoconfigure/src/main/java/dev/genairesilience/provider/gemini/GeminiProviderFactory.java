package dev.genairesilience.provider.gemini;

import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;

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

    @Override
    public String type() {
        return "gemini";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        return GeminiImageProvider.of(settings, model, GeminiApi.aiStudio(http, baseUrl, model, settings.apiKey()));
    }
}
