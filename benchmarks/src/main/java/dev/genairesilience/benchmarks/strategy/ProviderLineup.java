package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.autoconfigure.GenAiProviderProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The models a scenario offers, in order of preference, at the emulator. Every strategy gets the same lineup;
 * {@code none} and {@code spring-ai-retry} use only the first model, as they have no fallback.
 *
 * @param baseUrl the emulator's base URL
 * @param models  one or two models, the preferred first
 */
public record ProviderLineup(URI baseUrl, List<ModelEndpoint> models) {

    /** The key every call carries; the emulator accepts any. */
    public static final String API_KEY = "benchmark-key";

    /** The longest one call may take, in scenario time: the starter's default provider timeout, for everyone. */
    public static final Duration CALL_TIMEOUT = GenAiProviderProperties.DEFAULT_TIMEOUT;

    public ProviderLineup {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a lineup needs a model");
        }
    }
}
