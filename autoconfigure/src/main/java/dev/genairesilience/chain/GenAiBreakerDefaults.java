package dev.genairesilience.chain;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;

/** A circuit breaker configuration suited to image generation, for applications with none of their own. */
public final class GenAiBreakerDefaults {

    private GenAiBreakerDefaults() {
    }

    /**
     * Opens when half of the last 20 calls (at least 5) were provider faults, stays open 30 s, then lets 2
     * calls probe. Only provider faults are reported as errors by the engine, so every exception recorded
     * counts. A 4K image may take minutes, so slowness alone never opens it.
     */
    public static CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .slowCallDurationThreshold(Duration.ofMinutes(5))
                .build();
    }
}
