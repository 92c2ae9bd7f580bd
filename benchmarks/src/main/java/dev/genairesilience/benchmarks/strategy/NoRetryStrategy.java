package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.Delivery;
import dev.genairesilience.spi.ImageProvider;

/** {@code none}: one call to the preferred model at the asked resolution; no retry, no fallback, no degrading. */
final class NoRetryStrategy implements Strategy {

    private final DirectCalls calls;
    private final ImageProvider provider;
    private final Resolution resolution;

    NoRetryStrategy(ProviderLineup lineup, ImageAsk ask, TimeScale scale) {
        this.calls = new DirectCalls(lineup, scale);
        this.provider = calls.providers().get(0);
        this.resolution = ask.resolution();
    }

    @Override
    public Delivery generate(String prompt) throws Exception {
        return calls.call(provider, prompt, resolution);
    }
}
