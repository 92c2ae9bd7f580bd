package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.autoconfigure.GenAiActuatorAutoConfiguration;
import dev.genairesilience.autoconfigure.GenAiObservationAutoConfiguration;
import dev.genairesilience.autoconfigure.GenAiWarmupAutoConfiguration;
import dev.genairesilience.internal.observation.GenAiEndpoint;
import dev.genairesilience.internal.observation.GenAiMeters;
import dev.genairesilience.testkit.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Cost adds up: through a two-provider chain with prices, each image's cost, the {@code genai.cost} counter and
 * the spend {@code /actuator/genai} shows per provider agree, failed calls answered costing their configured price
 * and calls without an answer nothing.
 */
class CostOverHttpTest extends EmulatedProvidersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GenAiObservationAutoConfiguration.class,
                    GenAiWarmupAutoConfiguration.class, GenAiActuatorAutoConfiguration.class,
                    ApplicationAvailabilityAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(CircuitBreakerRegistry.class, EmulatedProvidersTest::breakersThatNeverOpen);

    @Test
    void costAddsUp() {
        List<String> properties = with(geminiPair(), "genai.chains.shots.providers=pro,flash",
                "genai.chains.shots.resolution=2K", "genai.chains.shots.degrade=1K", "genai.retry.max-attempts=1",
                "genai.providers.pro.price.1K=0.039", "genai.providers.pro.price.2K=0.134",
                "genai.providers.pro.price.failed-call=0.005", "genai.providers.flash.price.1K=0.02",
                "management.endpoints.web.exposure.include=genai");

        run(runner, properties, context -> {
            ImageGenerator generator = generator(context);

            GeneratedImage first = generator.generate("shots", ImageRequest.of("a lighthouse"));
            emulator().model(PRO).failNext(2, Fault.OVERLOADED);
            GeneratedImage fellBack = generator.generate("shots", ImageRequest.of("a lighthouse"));
            emulator().model(PRO).failNext(1, Fault.DROP_CONNECTION);
            GeneratedImage degraded = generator.generate("shots", ImageRequest.of("a lighthouse"));

            assertThat(first.provider()).isEqualTo("pro");
            assertThat(first.cost()).isEqualByComparingTo("0.134");
            // pro/2K and pro/1K answer 503 (the failed-call price each), flash/1K delivers
            assertThat(fellBack.attempts()).extracting(Attempt::cost).map(BigDecimal::toPlainString)
                    .containsExactly("0.005", "0.005", "0.02");
            assertThat(fellBack.provider()).isEqualTo("flash");
            assertThat(fellBack.cost()).isEqualByComparingTo("0.030");
            // pro/2K has its connection dropped (no answer, no charge), pro/1K delivers
            assertThat(degraded.attempts()).extracting(Attempt::cost).map(BigDecimal::toPlainString)
                    .containsExactly("0", "0.039");
            assertThat(degraded.cost()).isEqualByComparingTo("0.039");

            BigDecimal images = first.cost().add(fellBack.cost()).add(degraded.cost());
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            double counted = meters.get(GenAiMeters.COST).tag("chain", "shots").counters().stream()
                    .mapToDouble(c -> c.count()).sum();
            assertThat(counted).isCloseTo(images.doubleValue(), within(1e-9));
            assertThat(meters.get(GenAiMeters.COST).tags("provider", "pro", "model", PRO, "resolution", "2K")
                    .counter().count()).isCloseTo(0.139, within(1e-9));
            assertThat(meters.get(GenAiMeters.COST).tags("provider", "flash", "resolution", "1K").counter().count())
                    .isCloseTo(0.02, within(1e-9));

            JsonNode report = new ObjectMapper().valueToTree(context.getBean(GenAiEndpoint.class).report());
            JsonNode pro = report.path("providers").path("pro");
            JsonNode flash = report.path("providers").path("flash");
            assertThat(pro.path("window").path("spend").decimalValue()).isEqualByComparingTo("0.183");
            assertThat(pro.path("byResolution").path("2K").path("spend").decimalValue())
                    .isEqualByComparingTo("0.139");
            assertThat(flash.path("window").path("spend").decimalValue()).isEqualByComparingTo("0.02");
            assertThat(pro.path("window").path("spend").decimalValue()
                    .add(flash.path("window").path("spend").decimalValue())).isEqualByComparingTo(images);
        });
    }
}
