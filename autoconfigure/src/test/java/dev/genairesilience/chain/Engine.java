package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import dev.genairesilience.testsupport.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** An executor wired for tests: a test clock, a sleeper that advances it, small breakers, a seeded jitter. */
final class Engine {

    static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    final AdvancingSleeper sleeper = new AdvancingSleeper(clock);
    final RetrySettings settings;
    final CircuitBreakerRegistry registry;
    final RetryBudgets budgets;
    final ChainExecutor executor;

    Engine() {
        this(settings());
    }

    Engine(RetrySettings settings) {
        this.settings = settings;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .clock(clock)
                .build());
        this.budgets = new RetryBudgets(settings, clock);
        this.executor = new ChainExecutor(FailureException.classification(), new RegistryProviderBreakers(registry),
                budgets, settings, clock, sleeper, new Random(42));
    }

    /** 3 attempts, backoff 100 ms doubling up to 1 s, hints up to 5 s, budget 10 + 20% per 10 s. */
    static RetrySettings settings() {
        return new RetrySettings(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), Duration.ofSeconds(5), 0.2, 10,
                Duration.ofSeconds(10));
    }

    static Step<String> step(String provider, Resolution resolution, StepCall<String> call) {
        return new Step<>(provider, provider, provider + "-model", resolution, STEP_TIMEOUT, false, call);
    }

    @SafeVarargs
    static Plan<String> plan(Step<String>... steps) {
        return new Plan<>("test-chain", List.of(steps), null, Duration.ofSeconds(60), "1:1");
    }

    CircuitBreaker breaker(String id) {
        return registry.circuitBreaker(id);
    }
}
