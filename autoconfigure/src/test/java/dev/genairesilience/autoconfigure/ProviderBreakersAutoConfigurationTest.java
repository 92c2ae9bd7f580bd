package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.chain.GenAiBreakerDefaults;
import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.testsupport.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;

class ProviderBreakersAutoConfigurationTest {

    @Test
    void withoutARegistryBreakersGetTheImageGenerationDefaults() {
        GenAiContextRunners.application().run(context -> {
            CircuitBreakerConfig config = context.getBean(ProviderBreakers.class).forId("gemini-pro")
                    .getCircuitBreakerConfig();
            assertThatIsTheImageGenerationDefault(config);
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
                    assertThatIsTheImageGenerationDefault(unconfigured);
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

    @Test
    void theImageGenerationDefaultsTellTimeByTheEnginesClock() {
        MutableClock clock = new MutableClock();
        GenAiContextRunners.application()
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class))
                .withBean("genAiClock", Clock.class, () -> clock)
                .run(context -> assertThat(context.getBean(ProviderBreakers.class).forId("gemini-pro")
                        .getCircuitBreakerConfig().getClock()).isSameAs(clock));
    }

    @Test
    void theImageGenerationDefaultsWrittenAsConfigsDefaultPropertiesGiveTheSameBreaker() {
        GenAiContextRunners.application()
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class))
                .withPropertyValues(
                        "resilience4j.circuitbreaker.configs.default.sliding-window-type=COUNT_BASED",
                        "resilience4j.circuitbreaker.configs.default.sliding-window-size=16",
                        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=16",
                        "resilience4j.circuitbreaker.configs.default.failure-rate-threshold=100",
                        "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=3",
                        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=2s",
                        "resilience4j.circuitbreaker.configs.default.enable-exponential-backoff=true",
                        "resilience4j.circuitbreaker.configs.default.exponential-backoff-multiplier=2",
                        "resilience4j.circuitbreaker.configs.default.exponential-max-wait-duration-in-open-state=10s",
                        "resilience4j.circuitbreaker.configs.default"
                                + ".automatic-transition-from-open-to-half-open-enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThatIsTheImageGenerationDefault(context.getBean(ProviderBreakers.class).forId("gemini-pro")
                            .getCircuitBreakerConfig());
                });
    }

    private static void assertThatIsTheImageGenerationDefault(CircuitBreakerConfig config) {
        CircuitBreakerConfig defaults = GenAiBreakerDefaults.config();
        assertThat(config.getSlidingWindowType()).isEqualTo(defaults.getSlidingWindowType());
        assertThat(config.getSlidingWindowSize()).isEqualTo(defaults.getSlidingWindowSize());
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(defaults.getMinimumNumberOfCalls());
        assertThat(config.getFailureRateThreshold()).isEqualTo(defaults.getFailureRateThreshold());
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState())
                .isEqualTo(defaults.getPermittedNumberOfCallsInHalfOpenState());
        assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled())
                .isEqualTo(defaults.isAutomaticTransitionFromOpenToHalfOpenEnabled());
        for (int opening = 1; opening <= 6; opening++) {
            assertThat(config.getWaitIntervalFunctionInOpenState().apply(opening)).as("wait after opening %d", opening)
                    .isEqualTo(defaults.getWaitIntervalFunctionInOpenState().apply(opening));
        }
    }
}
