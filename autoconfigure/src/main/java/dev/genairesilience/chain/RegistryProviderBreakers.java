package dev.genairesilience.chain;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Objects;

/**
 * Breakers from a Resilience4j registry, so {@code resilience4j.circuitbreaker.instances.<id>} and
 * {@code configs.default} configure them, and Actuator and Micrometer see them.
 */
public final class RegistryProviderBreakers implements ProviderBreakers {

    private final CircuitBreakerRegistry registry;

    /** @param registry the application's registry, or one built from {@link GenAiBreakerDefaults#config()} */
    public RegistryProviderBreakers(CircuitBreakerRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public CircuitBreaker forId(String id) {
        return registry.circuitBreaker(id);
    }
}
