package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.Delivery;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
     * One call of one provider at {@code asked}, 1:1; a provider without that size is asked its largest one below
     * it (or, having none below, its smallest), as its API would draw that: {@code gemini-2.5-flash-image}, which
     * has only 1K, is sent no size at all.
     *
     * @return the provider's model and the resolution the call was sent at
     * @throws Exception as the provider throws it: {@code ProviderHttpException}, {@code MalformedResponseException},
     *                   an {@code IOException}
     */
    Delivery call(ImageProvider provider, String prompt, Resolution asked) throws Exception {
        Resolution sent = fitting(provider.capabilities().resolutions(), asked);
        provider.generate(new GenerationCall(prompt, sent, "1:1", timeout));
        return new Delivery(provider.model(), sent);
    }

    /** {@code asked} if {@code offered} has it, else the largest offered below it, else the smallest offered. */
    static Resolution fitting(Set<Resolution> offered, Resolution asked) {
        Optional<Resolution> below = offered.stream().filter(r -> r.compareTo(asked) <= 0)
                .max(Comparator.naturalOrder());
        return below.orElseGet(() -> offered.stream().min(Comparator.naturalOrder()).orElse(asked));
    }
}
