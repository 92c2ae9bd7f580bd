package dev.genairesilience.chain;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Where the executor finds the circuit breaker of a step's {@link Step#breakerId()}. */
@FunctionalInterface
public interface ProviderBreakers {

    /** The breaker for {@code id}, the same instance every time for the same id. */
    CircuitBreaker forId(String id);
}
