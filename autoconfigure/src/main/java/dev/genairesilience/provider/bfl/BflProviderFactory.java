package dev.genairesilience.provider.bfl;

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
 * Providers of type {@code bfl}: FLUX models at Black Forest Labs ({@code model} is the endpoint's name, such as
 * {@code flux-pro-1.1} or {@code flux-2-pro}), asynchronous: submit, then poll (see {@link BflApi}). 1K and 2K at
 * any aspect ratio by default, 2K scaled down to the API's 4 megapixels; the options {@code resolutions} and
 * {@code aspect-ratios} override that. {@code base-url} picks a region ({@code https://api.eu.bfl.ai},
 * {@code https://api.us.bfl.ai}); unset, the global {@link #DEFAULT_BASE_URL}.
 */
public class BflProviderFactory implements ImageProviderFactory {

    /** The global endpoint, used when no {@code base-url} is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.bfl.ai");

    @Override
    public String type() {
        return "bfl";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        ProviderCapabilities capabilities =
                ProviderOptions.capabilities(settings, EnumSet.of(Resolution.ONE_K, Resolution.TWO_K), Set.of());
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        return new BflImageProvider(settings.id(), model, capabilities, settings.timeout(),
                new BflApi(http, baseUrl, settings.apiKey()), Clock.systemUTC());
    }
}
