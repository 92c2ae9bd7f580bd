package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.ProviderSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The lineup's models as the starter's own providers, for the strategies that call them directly: one HTTP call
 * per {@link #call}, through one shared client that never retries, exactly as the engine's attempts are made.
 * So every strategy sends the same requests and reads the same answers; only what happens between calls differs.
 */
final class DirectCalls {

    private final List<ImageProvider> providers;
    private final Duration timeout;

    DirectCalls(ProviderLineup lineup, TimeScale scale) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.timeout = scale.wall(ProviderLineup.CALL_TIMEOUT);
        this.providers = lineup.models().stream()
                .map(m -> m.api().factory().create(ProviderSettings.builder(m.id(), m.api().type())
                        .model(m.model()).apiKey(ProviderLineup.API_KEY).baseUrl(lineup.baseUrl()).timeout(timeout)
                        .build(), client))
                .toList();
    }

    /** The providers, the preferred first. */
    List<ImageProvider> providers() {
        return providers;
    }

    /**
     * One call of one provider at 1K, 1:1.
     *
     * @throws Exception as the provider throws it: {@code ProviderHttpException}, {@code MalformedResponseException},
     *                   an {@code IOException}
     */
    ProviderImage call(ImageProvider provider, String prompt) throws Exception {
        return provider.generate(new GenerationCall(prompt, Resolution.ONE_K, "1:1", timeout));
    }
}
