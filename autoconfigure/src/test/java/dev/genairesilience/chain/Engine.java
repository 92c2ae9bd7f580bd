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
    final ProviderLanes lanes;
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
        this.lanes = ProviderLanes.builder(new RegistryProviderBreakers(registry), budgets)
                .maxHold(settings.maxServerWait()).clock(clock).build();
        this.executor = executorBuilder(settings).build();
    }

    /** 3 attempts, backoff 100 ms doubling up to 1 s, hints up to 5 s, budget 10 + 20% per 10 s. */
    static RetrySettings settings() {
        return settingsBuilder().build();
    }

    /** {@link #settings()}, to change one thing. */
    static RetrySettings.Builder settingsBuilder() {
        return RetrySettings.builder().maxAttempts(3).backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1))
                .maxServerWait(Duration.ofSeconds(5)).budget(0.2, 10, Duration.ofSeconds(10));
    }

    /** An executor over this engine's lanes, clock and sleeper, with a seeded jitter. */
    ChainExecutor.Builder executorBuilder(RetrySettings settings) {
        return ChainExecutor.builder(FailureException.classification(), lanes).settings(settings).clock(clock)
                .sleeper(sleeper).random(new Random(42));
    }

    static Step<String> step(String provider, Resolution resolution, StepCall<String> call) {
        return Step.builder(provider, call).model(provider + "-model").resolution(resolution).timeout(STEP_TIMEOUT)
                .build();
    }

    @SafeVarargs
    static Plan<String> plan(Step<String>... steps) {
        return Plan.<String>builder("test-chain", Duration.ofSeconds(60)).steps(List.of(steps)).aspectRatio("1:1")
                .build();
    }

    CircuitBreaker breaker(String id) {
        return registry.circuitBreaker(id);
    }
}
