package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.chain.RetryBudgets;
import dev.genairesilience.internal.observation.ConfiguredProvider;
import dev.genairesilience.internal.observation.GenAiEndpoint;
import dev.genairesilience.internal.observation.GenAiHealthIndicator;
import dev.genairesilience.internal.observation.ProviderActivity;
import dev.genairesilience.internal.observation.ProviderStates;
import dev.genairesilience.internal.warmup.ProbeResults;
import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.schedule.PeakSchedule;
import dev.genairesilience.shared.SharedState;
import dev.genairesilience.spi.ImageProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;

/**
 * The operator's view through Spring Boot Actuator: the {@code genai} health contributor
 * ({@code management.health.genai.enabled}) and the {@code /actuator/genai} endpoint (exposed like any other, with
 * {@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = { GenAiObservationAutoConfiguration.class, GenAiWarmupAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
public class GenAiActuatorAutoConfiguration {

    /** How each configured provider and chain stands, from breakers, calls, warm-ups and probes. */
    @Bean
    @ConditionalOnMissingBean
    public ProviderStates genAiProviderStates(GenAiProperties properties, ImageProviderRegistry registry,
            ProviderBreakers breakers, ProviderActivity activity, WarmupStates warmups, ProbeResults probes) {
        Map<String, ConfiguredProvider> configured = new LinkedHashMap<>();
        properties.getProviders().forEach((id, p) -> {
            ImageProvider created = registry.providers().get(id);
            configured.put(id, new ConfiguredProvider(id, p.getType(), created == null ? p.getModel() : created.model(),
                    created != null,
                    registry.chains().values().stream().anyMatch(chain -> chain.providers().contains(id))));
        });
        return new ProviderStates(configured, registry.chains(), breakers, activity, warmups, probes);
    }

    /** The {@code genai} health component: per provider and per chain. */
    @Bean
    @ConditionalOnMissingBean(name = "genaiHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("genai")
    public GenAiHealthIndicator genaiHealthIndicator(ProviderStates states, ObjectProvider<SharedState> shared) {
        return new GenAiHealthIndicator(states, shared.getIfAvailable(SharedState::none));
    }

    /** {@code /actuator/genai}: chains, providers, windows, budgets, last calls, peak hours. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(GenAiEndpoint.class)
    public GenAiEndpoint genAiEndpoint(ProviderStates states, ImageProviderRegistry registry, ProviderLanes lanes,
            ProviderActivity activity, WarmupStates warmups, ProbeResults probes, RetryBudgets budgets,
            ApplicationAvailability availability, GenAiObservationProperties observation, PeakSchedule peak) {
        return new GenAiEndpoint(states, registry.providers(), lanes, activity, warmups, probes, budgets,
                availability, observation.getWindow(), peak);
    }
}
