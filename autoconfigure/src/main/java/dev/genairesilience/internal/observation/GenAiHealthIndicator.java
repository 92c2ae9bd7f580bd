package dev.genairesilience.internal.observation;

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
 * outage alone never takes the application's health down while its chains still serve. No keys, no prompts.
 */
public final class GenAiHealthIndicator implements HealthIndicator {

    /** Every chain serves, but not every provider is {@code UP}; the default aggregation counts it as {@code UP}. */
    public static final Status DEGRADED = new Status("DEGRADED", "every chain serves, some provider is not UP");

    private final ProviderStates states;

    /** @param states decides how providers and chains stand */
    public GenAiHealthIndicator(ProviderStates states) {
        this.states = Objects.requireNonNull(states, "states");
    }

    @Override
    public Health health() {
        Map<String, ProviderState> providers = states.providers();
        Map<String, ChainState> chains = states.chains(providers);
        Status status = chains.values().stream().anyMatch(c -> !c.canServe()) ? Status.DOWN
                : providers.values().stream().anyMatch(p -> p.health() != ProviderHealth.UP) ? DEGRADED : Status.UP;
        Map<String, Object> providerDetails = new LinkedHashMap<>();
        providers.forEach((id, p) -> providerDetails.put(id, details(p)));
        Map<String, Object> chainDetails = new LinkedHashMap<>();
        chains.forEach((name, c) -> chainDetails.put(name, details(c)));
        return Health.status(status).withDetail("providers", providerDetails).withDetail("chains", chainDetails)
                .build();
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
