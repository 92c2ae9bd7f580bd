package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.spi.ImageProvider;

/** {@code none}: one call to the preferred model; no retry, no fallback. */
final class NoRetryStrategy implements Strategy {

    private final DirectCalls calls;
    private final ImageProvider provider;

    NoRetryStrategy(ProviderLineup lineup, TimeScale scale) {
        this.calls = new DirectCalls(lineup, scale);
        this.provider = calls.providers().get(0);
    }

    @Override
    public String generate(String prompt) throws Exception {
        calls.call(provider, prompt);
        return provider.model();
    }
}
