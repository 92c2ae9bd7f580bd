package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.autoconfigure.GenAiWarmupAutoConfiguration;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.internal.warmup.ProbeResults;
import dev.genairesilience.testkit.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Free probes at their interval: they nudge the breaker as the provider's health says, and never generate. */
class ProviderProbesOverHttpTest extends EmulatedProvidersTest {

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).waitDurationInOpenState(Duration.ofMillis(300))
            .permittedNumberOfCallsInHalfOpenState(1).build());
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GenAiWarmupAutoConfiguration.class,
                    ApplicationAvailabilityAutoConfiguration.class))
            .withBean(CircuitBreakerRegistry.class, () -> breakers);

    @Test
    void probesArriveAtTheirIntervalAsFreeMetadataReads() {
        run(runner, with(geminiPair(), "genai.chains.main.providers=pro,flash",
                "genai.providers.pro.probe-interval=100ms"), context -> {
                    await().atMost(Duration.ofSeconds(5)).until(() -> emulator().model(PRO).metadataCalls() >= 4);
                    assertThat(emulator().model(PRO).calls()).isZero();
                    assertThat(emulator().model(FLASH).metadataCalls()).isZero();
                    assertThat(context.getBean(ProbeResults.class).last("pro")).hasValueSatisfying(
                            probe -> assertThat(probe.passed()).isTrue());
                });
    }

    @Test
    void aFailingProbeHoldsAnOpenBreakerOpenAndAPassingOneLetsItHalfOpen() {
        emulator().model(PRO).metadataFault(Fault.SERVER_ERROR);
        run(runner, with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=1",
                "genai.providers.pro.probe-interval=50ms"), context -> {
                    CircuitBreaker pro = breakers.circuitBreaker("pro");
                    pro.transitionToOpenState();
                    await().atMost(Duration.ofSeconds(5)).until(() -> context.getBean(ProbeResults.class).last("pro")
                            .map(p -> p.consecutiveFailures() >= 3).orElse(false));
                    sleep(Duration.ofMillis(600));

                    GeneratedImage image = generator(context).generate(ImageRequest.of("a paper crane"));

                    assertThat(image.provider()).isEqualTo("flash");
                    assertThat(emulator().model(PRO).calls()).isZero();
                    assertThat(pro.getState()).isEqualTo(State.OPEN);

                    emulator().model(PRO).metadataFault(null);
                    await().atMost(Duration.ofSeconds(5)).until(() -> pro.getState() == State.HALF_OPEN);
                    assertThat(generator(context).generate(ImageRequest.of("a paper crane")).provider())
                            .isEqualTo("pro");
                });
    }

    @Test
    void aProbeRefusedForItsKeyIsRecordedAndLeavesTheBreakerAlone() {
        emulator().model(PRO).metadataFault(Fault.UNAUTHORIZED);
        run(runner, with(geminiPair(), "genai.chains.main.providers=pro,flash",
                "genai.providers.pro.probe-interval=50ms"), context -> {
                    await().atMost(Duration.ofSeconds(5)).until(() -> context.getBean(ProbeResults.class).last("pro")
                            .map(p -> p.failure() == FailureKind.AUTHENTICATION).orElse(false));
                    assertThat(breakers.circuitBreaker("pro").getState()).isEqualTo(State.CLOSED);
                });
    }

    @Test
    void aProviderWithoutAFreeCallIsNotProbedAndTheLogSaysWhy(
            org.springframework.boot.test.system.CapturedOutput output) {
        run(runner, with(provider("sdxl", "huggingface", SDXL), "genai.chains.main.providers=sdxl",
                "genai.providers.sdxl.probe-interval=50ms"), context -> {
                    sleep(Duration.ofMillis(300));
                    assertThat(emulator().model(SDXL).calls()).isZero();
                    assertThat(context.getBean(ProbeResults.class).all()).isEmpty();
                });
        assertThat(output.getOut()).contains("genai.providers.sdxl.probe-interval: huggingface providers have no "
                + "call that costs nothing; sdxl is not probed");
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
