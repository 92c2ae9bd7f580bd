package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.testkit.RecordedCall;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Resolutions degrade in the configured order, and steps a provider cannot serve are never sent. */
class DegradationOverHttpTest extends EmulatedProvidersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(CircuitBreakerRegistry.class, EmulatedProvidersTest::breakersThatNeverOpen);

    @Test
    void providerFirstDegradesOnTheProviderThenMovesOn() {
        emulator().model(PRO).overloadRate(1.0);

        run(runner, with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.chains.main.resolution=4K",
                "genai.chains.main.degrade=2K,1K", "genai.retry.max-attempts=1"), context -> {
                    GeneratedImage image = generator(context).generate(ImageRequest.of("a mountain hut"));

                    assertThat(image.attempts()).extracting(Attempt::provider, Attempt::resolution).containsExactly(
                            tuple("pro", Resolution.FOUR_K),
                            tuple("pro", Resolution.TWO_K),
                            tuple("pro", Resolution.ONE_K),
                            tuple("flash", Resolution.ONE_K));
                    assertThat(emulator().model(PRO).recordedCalls()).extracting(RecordedCall::body)
                            .satisfiesExactly(b -> assertThat(b).contains("\"4K\""),
                                    b -> assertThat(b).contains("\"2K\""), b -> assertThat(b).contains("\"1K\""));
                    assertThat(image.resolution()).isEqualTo(Resolution.ONE_K);
                    assertThat(image.degraded()).isTrue();
                });
    }

    @Test
    void resolutionFirstKeepsTheResolutionAcrossProvidersFirst() {
        emulator().model(PRO).overloadRate(1.0);
        emulator().model(GPT).overloadRate(1.0);
        List<String> props = with(geminiPair(), "genai.chains.main.providers=pro,gpt,flash",
                "genai.chains.main.resolution=2K", "genai.chains.main.degrade=1K", "genai.chains.main.order=RESOLUTION_FIRST",
                "genai.retry.max-attempts=1");
        props.addAll(provider("gpt", "openai", GPT));

        run(runner, props, context -> {
            GeneratedImage image = generator(context).generate(ImageRequest.of("a mountain hut"));

            // gpt-image-1 and flash have no 2K: those steps are skipped, never sent
            assertThat(image.attempts()).extracting(Attempt::provider, Attempt::resolution).containsExactly(
                    tuple("pro", Resolution.TWO_K),
                    tuple("pro", Resolution.ONE_K),
                    tuple("gpt", Resolution.ONE_K),
                    tuple("flash", Resolution.ONE_K));
            assertThat(emulator().model(GPT).calls()).isEqualTo(1);
        });
    }

    @Test
    void theLastResortAnswersWhenEverythingElseFailsAndIsMarkedDegraded() {
        emulator().model(PRO).overloadRate(1.0);
        emulator().model(FLASH).overloadRate(1.0);

        run(runner, with(geminiPair(), "genai.providers.card.type=local", "genai.chains.main.providers=pro,flash",
                "genai.chains.main.last-resort=card", "genai.retry.max-attempts=1"), context -> {
                    GeneratedImage image = generator(context).generate(ImageRequest.of("a mountain hut"));

                    assertThat(image.provider()).isEqualTo("card");
                    assertThat(image.mimeType()).isEqualTo("image/png");
                    assertThat(image.degraded()).isTrue();
                    assertThat(image.attempts()).hasSize(3);
                });
    }
}
