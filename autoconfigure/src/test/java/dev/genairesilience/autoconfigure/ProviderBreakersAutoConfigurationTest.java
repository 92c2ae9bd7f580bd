package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.chain.ProviderBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;

class ProviderBreakersAutoConfigurationTest {

    @Test
    void withoutARegistryBreakersGetTheImageGenerationDefaults() {
        GenAiContextRunners.application().run(context -> {
            CircuitBreakerConfig config = context.getBean(ProviderBreakers.class).forId("gemini-pro")
                    .getCircuitBreakerConfig();
            assertThat(config.getSlidingWindowSize()).isEqualTo(20);
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
        });
    }

    @Test
    void anApplicationsCircuitBreakerRegistryHoldsTheProviderBreakers() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        GenAiContextRunners.application().withBean(CircuitBreakerRegistry.class, () -> registry).run(context -> {
            ProviderBreakers breakers = context.getBean(ProviderBreakers.class);
            assertThat(breakers.forId("gemini-pro")).isSameAs(registry.circuitBreaker("gemini-pro"));
        });
    }

    @Test
    void resilience4jPropertiesConfigureTheBreakerOfTheProviderTheyName() {
        GenAiContextRunners.application()
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class))
                .withPropertyValues("resilience4j.circuitbreaker.instances.gemini-pro.sliding-window-size=7")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ProviderBreakers.class).forId("gemini-pro").getCircuitBreakerConfig()
                            .getSlidingWindowSize()).isEqualTo(7);
                    assertThat(context.getBean(CircuitBreakerRegistry.class).find("gemini-pro")).isPresent();
                });
    }

    @Test
    void withResilience4jButNoBreakerConfigurationProvidersGetTheImageGenerationDefaults() {
        GenAiContextRunners.application()
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class))
                .withPropertyValues("resilience4j.circuitbreaker.instances.gemini-pro.sliding-window-size=7")
                .run(context -> {
                    CircuitBreakerConfig unconfigured = context.getBean(ProviderBreakers.class).forId("gemini-flash")
                            .getCircuitBreakerConfig();
                    assertThat(unconfigured.getSlidingWindowSize()).isEqualTo(20);
                    assertThat(unconfigured.getMinimumNumberOfCalls()).isEqualTo(5);
                });
    }

    @Test
    void anApplicationsConfigsDefaultAppliesToEveryProviderWithoutAnInstanceOfItsOwn() {
        GenAiContextRunners.application()
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class))
                .withPropertyValues("resilience4j.circuitbreaker.configs.default.sliding-window-size=9",
                        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=3")
                .run(context -> {
                    CircuitBreakerConfig config = context.getBean(ProviderBreakers.class).forId("gemini-flash")
                            .getCircuitBreakerConfig();
                    assertThat(config.getSlidingWindowSize()).isEqualTo(9);
                    assertThat(config.getMinimumNumberOfCalls()).isEqualTo(3);
                });
    }

    @Test
    void anApplicationsRegistryWithADefaultOfItsOwnKeepsIt() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(11).minimumNumberOfCalls(11).build());
        GenAiContextRunners.application().withBean(CircuitBreakerRegistry.class, () -> registry).run(context -> {
            assertThat(context.getBean(ProviderBreakers.class).forId("gemini-pro").getCircuitBreakerConfig()
                    .getSlidingWindowSize()).isEqualTo(11);
        });
    }
}
