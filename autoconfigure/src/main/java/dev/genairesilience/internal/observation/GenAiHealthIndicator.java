package dev.genairesilience.internal.observation;

import dev.genairesilience.shared.SharedState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code genai} health component. Details: each provider's state ({@code UP}, {@code DEGRADED}, {@code COLD},
 * {@code DOWN}, {@code MISCONFIGURED}, with the reason when not {@code UP}) and each chain's ({@code UP} when one of
 * its providers or its last resort can serve, else {@code DOWN}). Its own status: {@code DOWN} when a chain cannot
 * serve, {@code DEGRADED} when every chain can but some provider is not {@code UP}, else {@code UP}. A provider's
 * outage alone never takes the application's health down while its chains still serve. With a shared store
 * ({@code genai.shared-state.store}), a {@code sharedState} detail says whether it answers; one that does not makes
 * the status {@code DEGRADED} (generation goes on with each instance's own state). No keys, no prompts.
 */
public final class GenAiHealthIndicator implements HealthIndicator {

    /** Every chain serves, but not every provider is {@code UP}; the default aggregation counts it as {@code UP}. */
    public static final Status DEGRADED = new Status("DEGRADED", "every chain serves, some provider is not UP");

    private final ProviderStates states;
    private final SharedState shared;

    /** @param states decides how providers and chains stand */
    public GenAiHealthIndicator(ProviderStates states) {
        this(states, SharedState.none());
    }

    /**
     * @param states decides how providers and chains stand
     * @param shared what the application shares with its other instances
     */
    public GenAiHealthIndicator(ProviderStates states, SharedState shared) {
        this.states = Objects.requireNonNull(states, "states");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    @Override
    public Health health() {
        Map<String, ProviderState> providers = states.providers();
        Map<String, ChainState> chains = states.chains(providers);
        SharedState.Status store = shared.status();
        Status status = chains.values().stream().anyMatch(c -> !c.canServe()) ? Status.DOWN
                : providers.values().stream().anyMatch(p -> p.health() != ProviderHealth.UP) || !store.up() ? DEGRADED
                : Status.UP;
        Map<String, Object> providerDetails = new LinkedHashMap<>();
        providers.forEach((id, p) -> providerDetails.put(id, details(p)));
        Map<String, Object> chainDetails = new LinkedHashMap<>();
        chains.forEach((name, c) -> chainDetails.put(name, details(c)));
        Health.Builder health = Health.status(status).withDetail("providers", providerDetails)
                .withDetail("chains", chainDetails);
        if (shared.configured()) {
            health.withDetail("sharedState", details(store));
        }
        return health.build();
    }

    /** The shared store's state: {@code UP}, or {@code DOWN} with since when and its last failure. */
    static Map<String, Object> details(SharedState.Status store) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("store", store.store());
        details.put("status", store.up() ? Status.UP.getCode() : Status.DOWN.getCode());
        if (store.downSince() != null) {
            details.put("downSince", store.downSince().toString());
        }
        if (store.problem() != null) {
            details.put("problem", store.problem());
        }
        return details;
    }

    private static Map<String, Object> details(ProviderState p) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", p.health().name());
        details.put("type", p.type());
        details.put("model", p.model());
        if (p.breaker() != null) {
            details.put("breaker", p.breaker());
        }
        if (p.reason() != null) {
            details.put("reason", p.reason());
        }
        return details;
    }

    private static Map<String, Object> details(ChainState c) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", c.canServe() ? Status.UP.getCode() : Status.DOWN.getCode());
        details.put("providers", c.providers());
        if (c.lastResort() != null) {
            details.put("lastResort", c.lastResort());
        }
        details.put("serving", c.serving());
        return details;
    }
}
