package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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
        assertThat(pro.getCircuitBreakerConfig().getMinimumNumberOfCalls())
                .isEqualTo(GenAiBreakerDefaults.FAULTS_IN_A_ROW);
    }
}
