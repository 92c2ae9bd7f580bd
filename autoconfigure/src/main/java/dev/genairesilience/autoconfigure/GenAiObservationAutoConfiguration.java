package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.ExecutionListener;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.internal.observation.GenAiMeters;
import dev.genairesilience.internal.observation.GenerationLogger;
import dev.genairesilience.internal.observation.LaneMeters;
import dev.genairesilience.internal.observation.PeakMeters;
import dev.genairesilience.internal.observation.ProviderActivity;
import dev.genairesilience.schedule.PeakSchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the engine does, made visible through {@link ExecutionListener} beans: the providers' recent activity (for
 * health and {@code /actuator/genai}), one log line per generation, and Micrometer meters when the application has a
 * {@link MeterRegistry} (Spring Boot Actuator makes one).
 */
@AutoConfiguration(after = GenAiAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration" })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ GenAiObservationProperties.class, GenAiLoggingProperties.class })
public class GenAiObservationAutoConfiguration {

    /**
     * Each provider's calls over a sliding window ({@code genai.observation.*}), and the last calls made; start-up
     * fails naming the property when one of them cannot work.
     */
    @Bean
    @ConditionalOnMissingBean
    public ProviderActivity genAiProviderActivity(GenAiObservationProperties properties,
            @Qualifier("genAiClock") Clock clock) {
        List<String> problems = new ArrayList<>();
        Duration window = properties.getWindow();
        if (window == null || window.isNegative() || window.isZero()) {
            problems.add("genai.observation.window: must be a positive duration, was " + window);
        }
        if (properties.getMaxSamples() < 1) {
            problems.add("genai.observation.max-samples: must be at least 1, was " + properties.getMaxSamples());
        }
        if (properties.getRecentAttempts() < 0) {
            problems.add("genai.observation.recent-attempts: must not be negative, was "
                    + properties.getRecentAttempts());
        }
        if (!problems.isEmpty()) {
            throw new InvalidGenAiConfigurationException(problems);
        }
        return new ProviderActivity(clock, window, properties.getMaxSamples(), properties.getRecentAttempts());
    }

    /** One INFO line per finished generation; the prompt only with {@code genai.logging.include-prompt=true}. */
    @Bean
    @ConditionalOnMissingBean
    public GenerationLogger genAiGenerationLogger(GenAiLoggingProperties properties) {
        return new GenerationLogger(properties.isIncludePrompt());
    }

    /** The {@code genai.*} meters, when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class Meters {

        /** Timers of generations and calls, counters of fallbacks, degradations and refusals. */
        @Bean
        @ConditionalOnMissingBean
        GenAiMeters genAiMeters(MeterRegistry registry) {
            return new GenAiMeters(registry);
        }

        /** Each provider's lane: its learned concurrency limit and its calls in flight. */
        @Bean
        @ConditionalOnMissingBean
        LaneMeters genAiLaneMeters(ProviderLanes lanes, ImageProviderRegistry registry) {
            return new LaneMeters(lanes, List.copyOf(registry.providers().keySet()));
        }

        /** {@code genai.peak.active}: 1 while a peak window is on. */
        @Bean
        @ConditionalOnMissingBean
        PeakMeters genAiPeakMeters(PeakSchedule peak) {
            return new PeakMeters(peak);
        }
    }
}
