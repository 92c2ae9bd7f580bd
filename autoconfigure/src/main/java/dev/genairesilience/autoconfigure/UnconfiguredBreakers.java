package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.GenAiBreakerDefaults;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * Decides which configuration a provider's breaker gets when the application configured none for it. The
 * starter brings {@code resilience4j-spring-boot3}, whose registry always exists; left alone, its built-in
 * default judges a breaker only after 100 calls, so a provider would be hammered through most of an outage.
 * The application's own choices always win: an {@code instances.<id>} entry, a {@code configs.default}, or a
 * registry with a default of its own.
 */
final class UnconfiguredBreakers {

    private static final ConfigurationPropertyName DEFAULT_CONFIG =
            ConfigurationPropertyName.of("resilience4j.circuitbreaker.configs.default");

    private UnconfiguredBreakers() {
    }

    /**
     * @param clock the engine's clock, which the defaults measure their open-state waits on
     * @return the image-generation defaults, or {@code null} to keep the registry's own default
     */
    static CircuitBreakerConfig configFor(CircuitBreakerRegistry registry, Environment environment, Clock clock) {
        if (defaultConfigured(environment) || !isLibraryDefault(registry.getDefaultConfig())) {
            return null;
        }
        return GenAiBreakerDefaults.config(clock);
    }

    private static boolean defaultConfigured(Environment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(DEFAULT_CONFIG) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLibraryDefault(CircuitBreakerConfig config) {
        CircuitBreakerConfig library = CircuitBreakerConfig.ofDefaults();
        return config.getSlidingWindowType() == library.getSlidingWindowType()
                && config.getSlidingWindowSize() == library.getSlidingWindowSize()
                && config.getMinimumNumberOfCalls() == library.getMinimumNumberOfCalls()
                && config.getFailureRateThreshold() == library.getFailureRateThreshold()
                && config.getPermittedNumberOfCallsInHalfOpenState() == library.getPermittedNumberOfCallsInHalfOpenState();
    }
}
