package dev.genairesilience.provider.replicate;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * Providers of type {@code replicate}: an official model on Replicate ({@code model} is {@code owner/name}, such
 * as {@code black-forest-labs/flux-schnell}), asynchronous with a short cut: the prediction is created with
 * {@code Prefer: wait}, and polled only when it is not done by then (see {@link ReplicateApi}); one still running
 * when the attempt's time ends is cancelled. 1K at the aspect ratio asked by default; the options
 * {@code resolutions} and {@code aspect-ratios} override that.
 */
public class ReplicateProviderFactory implements ImageProviderFactory {

    /** The public endpoint, used when no {@code base-url} is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.replicate.com");

    @Override
    public String type() {
        return "replicate";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        if (model.indexOf('/') < 1 || model.endsWith("/")) {
            throw new IllegalArgumentException("genai.providers." + settings.id() + ".model: '" + model
                    + "' is not owner/name, such as black-forest-labs/flux-schnell");
        }
        ProviderCapabilities capabilities =
                ProviderOptions.capabilities(settings, EnumSet.of(Resolution.ONE_K), Set.of());
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        return new ReplicateImageProvider(settings.id(), model, capabilities, settings.timeout(),
                new ReplicateApi(http, baseUrl, settings.apiKey()), Clock.systemUTC());
    }
}
