package dev.genairesilience.internal.observation;

import dev.genairesilience.chain.ProviderLane;
import dev.genairesilience.chain.ProviderLanes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;

/**
 * Each configured provider's lane as gauges: {@code genai.lane.limit} (the calls it allows in flight, as learned)
 * and {@code genai.lane.in.flight}, tagged {@code provider}.
 */
public final class LaneMeters implements MeterBinder {

    /** Gauge of the calls a provider's lane allows in flight now. */
    public static final String LIMIT = "genai.lane.limit";
    /** Gauge of a provider's calls in flight now. */
    public static final String IN_FLIGHT = "genai.lane.in.flight";

    private final ProviderLanes lanes;
    private final List<String> providers;

    /** @param providers the ids of the providers start-up created */
    public LaneMeters(ProviderLanes lanes, List<String> providers) {
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.providers = List.copyOf(providers);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String id : providers) {
            ProviderLane lane = lanes.lane(id);
            Gauge.builder(LIMIT, lane, ProviderLane::concurrencyLimit)
                    .description("Calls the provider's lane allows in flight, learned from its capacity answers")
                    .tag("provider", id).register(registry);
            Gauge.builder(IN_FLIGHT, lane, ProviderLane::inFlight).description("The provider's calls in flight")
                    .tag("provider", id).register(registry);
        }
    }
}
