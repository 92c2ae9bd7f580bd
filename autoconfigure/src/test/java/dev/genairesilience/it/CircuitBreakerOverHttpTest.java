package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A provider's breaker opens on its failures, skips it with zero calls, half-opens and closes again. */
class CircuitBreakerOverHttpTest extends EmulatedProvidersTest {

    private static final ImageRequest REQUEST = ImageRequest.of("a paper crane");

    @Test
    void theBreakerOpensSkipsTheProviderHalfOpensAndCloses() throws InterruptedException {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMillis(700)).permittedNumberOfCallsInHalfOpenState(2).build());
        emulator().model(PRO).overloadRate(1.0);
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withBean(CircuitBreakerRegistry.class, () -> breakers);

        run(runner, with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=1"),
                context -> {
                    for (int i = 0; i < 4; i++) {
                        assertThat(generator(context).generate(REQUEST).provider()).isEqualTo("flash");
                    }
                    CircuitBreaker pro = breakers.circuitBreaker("pro");
                    assertThat(pro.getState()).isEqualTo(State.OPEN);
                    int callsWhenOpened = emulator().model(PRO).calls();

                    for (int i = 0; i < 10; i++) {
                        GeneratedImage image = generator(context).generate(REQUEST);
                        assertThat(image.provider()).isEqualTo("flash");
                        assertThat(image.attempts()).hasSize(1);
                    }
                    assertThat(emulator().model(PRO).calls()).isEqualTo(callsWhenOpened);

                    emulator().model(PRO).overloadRate(0.0);
                    sleep(Duration.ofMillis(900));
                    GeneratedImage probe = generator(context).generate(REQUEST);
                    assertThat(probe.provider()).isEqualTo("pro");
                    assertThat(pro.getState()).isEqualTo(State.HALF_OPEN);

                    assertThat(generator(context).generate(REQUEST).provider()).isEqualTo("pro");
                    assertThat(pro.getState()).isEqualTo(State.CLOSED);
                    assertThat(generator(context).generate(REQUEST).degraded()).isFalse();
                });
    }

    @Test
    void loadingAndRateLimitsDoNotOpenTheBreaker() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50).build());
        // a hint of 1 ms holds the provider for no longer than that, so every request meets the 429 again
        emulator().model(PRO).hint(Duration.ofMillis(1)).rateLimit(0, Duration.ofMinutes(1));
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withBean(CircuitBreakerRegistry.class, () -> breakers);

        run(runner, with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=1"),
                context -> {
                    for (int i = 0; i < 8; i++) {
                        assertThat(generator(context).generate(REQUEST).provider()).isEqualTo("flash");
                    }
                    assertThat(breakers.circuitBreaker("pro").getState()).isEqualTo(State.CLOSED);
                    assertThat(emulator().model(PRO).calls()).isEqualTo(8);
                });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
