package dev.genairesilience.chain;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Objects;

/**
 * Breakers from a Resilience4j registry, so {@code resilience4j.circuitbreaker.instances.<id>} and
 * {@code configs.default} configure them, and Actuator and Micrometer see them.
 */
public final class RegistryProviderBreakers implements ProviderBreakers {

    private final CircuitBreakerRegistry registry;
    private final CircuitBreakerConfig whenUnconfigured;

    /** Every breaker the registry does not hold yet gets the registry's default configuration. */
    public RegistryProviderBreakers(CircuitBreakerRegistry registry) {
        this(registry, null);
    }

    /**
     * @param registry         the application's registry
     * @param whenUnconfigured the configuration of a breaker the registry does not hold yet, or {@code null}
     *                         for the registry's default: for when the application configured no breakers and
     *                         the library's general-purpose default (100 calls before judging) would let an
     *                         outage run long
     */
    public RegistryProviderBreakers(CircuitBreakerRegistry registry, CircuitBreakerConfig whenUnconfigured) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.whenUnconfigured = whenUnconfigured;
    }

    @Override
    public CircuitBreaker forId(String id) {
        return registry.find(id).orElseGet(() -> whenUnconfigured == null ? registry.circuitBreaker(id)
                : registry.circuitBreaker(id, whenUnconfigured));
    }
}
