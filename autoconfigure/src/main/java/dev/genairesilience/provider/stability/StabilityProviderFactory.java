package dev.genairesilience.provider.stability;

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
 * Providers of type {@code stability}: Stability AI's Stable Image models ({@code model}: {@code ultra},
 * {@code core}, or an SD3 model such as {@code sd3.5-large}, sent to the {@code sd3} endpoint); see
 * {@link StabilityApi}. The API takes an aspect ratio, not a size: {@code ultra} draws about 4 megapixels (2K here),
 * the others about 1.5 (1K). Aspect ratios: the API's nine. The options {@code resolutions} and
 * {@code aspect-ratios} override both.
 */
public class StabilityProviderFactory implements ImageProviderFactory {

    /** The public endpoint, used when no {@code base-url} is configured. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.stability.ai");

    /** The aspect ratios the API accepts. */
    static final Set<String> ASPECT_RATIOS = Set.of("16:9", "1:1", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21");

    @Override
    public String type() {
        return "stability";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String model = ProviderOptions.requireModel(settings);
        Set<Resolution> resolutions = "ultra".equals(model) ? EnumSet.of(Resolution.TWO_K)
                : EnumSet.of(Resolution.ONE_K);
        ProviderCapabilities capabilities = ProviderOptions.capabilities(settings, resolutions, ASPECT_RATIOS);
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        return new StabilityImageProvider(settings.id(), model, capabilities, settings.timeout(),
                new StabilityApi(settings.id(), http, baseUrl, settings.apiKey()));
    }
}
