package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.internal.observation.GenAiEndpoint;
import dev.genairesilience.internal.observation.GenAiHealthIndicator;
import dev.genairesilience.internal.observation.GenAiMeters;
import dev.genairesilience.internal.observation.GenerationLogger;
import dev.genairesilience.internal.observation.PeakMeters;
import dev.genairesilience.internal.observation.ProviderActivity;
import dev.genairesilience.internal.observation.ProviderStates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.testsupport.MutableClock;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which operator beans exist when, and that the engine reports to them. */
class GenAiObservationAutoConfigurationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders()
            .withConfiguration(AutoConfigurations.of(GenAiWarmupAutoConfiguration.class,
                    GenAiObservationAutoConfiguration.class, GenAiActuatorAutoConfiguration.class,
                    ApplicationAvailabilityAutoConfiguration.class))
            .withPropertyValues("genai.chains.main.providers=good,broken", "genai.chains.main.last-resort=card");

    @Test
    void theEngineReportsEveryGenerationToTheActivityTheLogAndTheMeters() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(GenAiMeters.class).hasSingleBean(GenerationLogger.class);

            context.getBean(ImageGenerator.class).generate("main", ImageRequest.of("a kite"));

            assertThat(context.getBean(ProviderActivity.class).stats("good").successes()).isEqualTo(1);
            assertThat(context.getBean(MeterRegistry.class).get(GenAiMeters.GENERATIONS).tags("chain", "main",
                    "provider", "good", "outcome", "DELIVERED").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void theGaugeAndTheEndpointSayWhetherAPeakIsOnWhichWindowAndWhenItChanges() {
        // 2026-06-10 is in PDT (UTC-7): 13:00-15:00 Pacific is 20:00Z-22:00Z
        MutableClock clock = new MutableClock(Instant.parse("2026-06-10T20:30:00Z"));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean("genAiClock", Clock.class, () -> clock)
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=genai",
                        "genai.peak.windows=09:00-11:00,13:00-15:00", "genai.peak.zone=America/Los_Angeles",
                        "genai.chains.main.peak.providers=good")
                .run(context -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get(PeakMeters.ACTIVE).gauge().value()).isEqualTo(1.0);
                    JsonNode during = report(context.getBean(GenAiEndpoint.class));
                    assertThat(during.at("/peak/active").asBoolean()).isTrue();
                    assertThat(during.at("/peak/window").asText()).isEqualTo("13:00-15:00 America/Los_Angeles");
                    assertThat(during.at("/peak/nextChange").asText()).isEqualTo("2026-06-10T22:00:00Z");
                    assertThat(during.at("/chains/main/providers").toString()).isEqualTo("[\"good\"]");

                    clock.set(Instant.parse("2026-06-10T22:00:00Z"));
                    assertThat(meters.get(PeakMeters.ACTIVE).gauge().value()).isZero();
                    JsonNode after = report(context.getBean(GenAiEndpoint.class));
                    assertThat(after.at("/peak/active").asBoolean()).isFalse();
                    assertThat(after.at("/peak/window").isNull()).isTrue();
                    assertThat(after.at("/peak/nextChange").asText()).isEqualTo("2026-06-11T16:00:00Z");
                    assertThat(after.at("/peak/windows").size()).isEqualTo(2);
                    assertThat(after.at("/chains/main/providers").toString()).isEqualTo("[\"good\",\"broken\"]");
                });
    }

    private static JsonNode report(GenAiEndpoint endpoint) {
        return new ObjectMapper().findAndRegisterModules().valueToTree(endpoint.report());
    }

    @Test
    void withoutAMeterRegistryThereAreNoMetersAndGenerationStillWorks() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(GenAiMeters.class);
            assertThat(context.getBean(ImageGenerator.class).generate("main", ImageRequest.of("a kite")).provider())
                    .isEqualTo("good");
        });
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GenAiMeters.class));
    }

    @Test
    void healthAndTheEndpointComeWithActuatorWhenExposedAndHealthCanBeSwitchedOff() {
        runner.run(context -> assertThat(context).hasBean("genaiHealthIndicator").doesNotHaveBean(GenAiEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=health,genai").run(context -> {
            assertThat(context).hasSingleBean(ProviderStates.class).hasSingleBean(GenAiEndpoint.class)
                    .hasBean("genaiHealthIndicator");
            Health health = context.getBean(GenAiHealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UP");
            assertThat(health.getDetails()).containsKeys("providers", "chains");
        });
        runner.withPropertyValues("management.health.genai.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GenAiHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ProviderStates.class)
                        .doesNotHaveBean("genaiHealthIndicator").hasSingleBean(ProviderActivity.class));
    }

    @Test
    void windowFiguresThatCannotWorkFailStartUpNamingTheProperty() {
        runner.withPropertyValues("genai.observation.window=0s", "genai.observation.max-samples=0",
                "genai.observation.recent-attempts=-1").run(context -> assertThat(context.getStartupFailure())
                        .rootCause().hasMessageContaining("genai.observation.window: must be a positive duration")
                        .hasMessageContaining("genai.observation.max-samples: must be at least 1")
                        .hasMessageContaining("genai.observation.recent-attempts: must not be negative"));
    }

    @Test
    void genaiDisabledLeavesEveryOperatorBeanOut() {
        runner.withPropertyValues("genai.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(ProviderActivity.class).doesNotHaveBean(ProviderStates.class)
                .doesNotHaveBean(GenerationLogger.class));
    }
}
