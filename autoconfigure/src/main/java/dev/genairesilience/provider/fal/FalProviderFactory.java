package dev.genairesilience.provider.fal;

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
 * Providers of type {@code fal}: a model on fal's queue ({@code model} is its id, such as {@code fal-ai/flux/dev}),
 * asynchronous: submit, then poll (see {@link FalQueueApi}); a request still queued when the attempt's time ends is
 * cancelled. 1K at any aspect ratio by default (the width and height are sent as {@code image_size}); the options
 * {@code resolutions} and {@code aspect-ratios} override that.
 */
public class FalProviderFactory implements ImageProviderFactory {

    /** The queue's endpoint, used when no {@code base-url} is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://queue.fal.run");

    @Override
    public String type() {
        return "fal";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        ProviderCapabilities capabilities =
                ProviderOptions.capabilities(settings, EnumSet.of(Resolution.ONE_K), Set.of());
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        return new FalImageProvider(settings.id(), model, capabilities, settings.timeout(),
                new FalQueueApi(http, baseUrl, settings.apiKey()), Clock.systemUTC());
    }
}
