package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.autoconfigure.GenAiAutoConfiguration;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.ProviderEmulatorExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole engine, auto-configured as an application gets it, talking real HTTP to the testkit emulator.
 * Every test also proves that no log line of its run holds the configured API key.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class EmulatedProvidersTest {

    static final String API_KEY = "it-secret-key-7f3a9c21";
    static final String PRO = "gemini-3-pro-image-preview";
    static final String FLASH = "gemini-2.5-flash-image";
    static final String GPT = "gpt-image-1";
    static final String SDXL = "stabilityai/stable-diffusion-xl-base-1.0";

    @RegisterExtension
    static final ProviderEmulatorExtension EMULATOR = new ProviderEmulatorExtension();

    ProviderEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** Properties for a provider at the emulator, with the test key. */
    List<String> provider(String id, String type, String model) {
        List<String> p = new ArrayList<>();
        p.add("genai.providers." + id + ".type=" + type);
        p.add("genai.providers." + id + ".model=" + model);
        p.add("genai.providers." + id + ".api-key=" + API_KEY);
        p.add("genai.providers." + id + ".base-url=" + emulator().baseUrl());
        p.add("genai.providers." + id + ".timeout=5s");
        return p;
    }

    /** Gemini pro (1K–4K) and flash (1K), Gemini-compatible, with fast retries for tests. */
    List<String> geminiPair() {
        List<String> p = new ArrayList<>(provider("pro", "gemini", PRO));
        p.addAll(provider("flash", "gemini", FLASH));
        p.addAll(fastRetries());
        return p;
    }

    static List<String> fastRetries() {
        return List.of("genai.retry.initial-interval=20ms", "genai.retry.max-interval=100ms");
    }

    /** A breaker registry whose breakers never open, to look at one mechanism at a time. */
    static CircuitBreakerRegistry breakersThatNeverOpen() {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().minimumNumberOfCalls(1_000_000)
                .slidingWindowSize(1_000_000).build());
    }

    void run(List<String> properties, Consumer<AssertableApplicationContext> test) {
        run(new ApplicationContextRunner(), properties, test);
    }

    void run(ApplicationContextRunner runner, List<String> properties, Consumer<AssertableApplicationContext> test) {
        emulator().model(PRO).expectApiKey(API_KEY);
        emulator().model(FLASH).expectApiKey(API_KEY);
        emulator().model(GPT).expectApiKey(API_KEY);
        emulator().model(SDXL).expectApiKey(API_KEY);
        runner.withConfiguration(AutoConfigurations.of(GenAiAutoConfiguration.class))
                .withPropertyValues(properties.toArray(String[]::new))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    test.accept(context);
                });
    }

    static ImageGenerator generator(AssertableApplicationContext context) {
        return context.getBean(ImageGenerator.class);
    }

    static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    static long millisSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @AfterEach
    void noLogLineHoldsTheApiKey(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(API_KEY);
    }
}
