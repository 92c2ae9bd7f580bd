package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryProviderBreakersTest {

    @Test
    void eachIdGetsOneBreakerFromTheRegistryWithItsConfiguration() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(GenAiBreakerDefaults.config());
        RegistryProviderBreakers breakers = new RegistryProviderBreakers(registry);

        CircuitBreaker pro = breakers.forId("gemini-pro");

        assertThat(breakers.forId("gemini-pro")).isSameAs(pro);
        assertThat(registry.find("gemini-pro")).containsSame(pro);
        assertThat(breakers.forId("gpt-image")).isNotSameAs(pro);
        assertThat(pro.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(5);
    }

    @Test
    void defaultsSuitImageGeneration() {
        CircuitBreakerConfig config = GenAiBreakerDefaults.config();

        assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000L);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
        assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isFalse();
        assertThat(config.getSlowCallDurationThreshold()).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
    }
}
