package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The caller never waits much longer than the deadline, whatever the providers do. */
class DeadlineOverHttpTest extends EmulatedProvidersTest {

    private static final long SLACK_MILLIS = 700;

    @Test
    void aSlowProviderIsCutOffAtTheDeadline() {
        emulator().model(PRO).latency(Duration.ofSeconds(6));

        run(with(provider("pro", "gemini", PRO), "genai.providers.pro.timeout=30s", "genai.chains.main.providers=pro",
                "genai.chains.main.deadline=1s"), context -> {
                    long start = System.nanoTime();
                    GenerationUnavailableException unavailable = catchThrowableOfType(
                            GenerationUnavailableException.class,
                            () -> generator(context).generate(ImageRequest.of("a slow sunrise")));

                    assertThat(millisSince(start)).isBetween(900L, 1000 + SLACK_MILLIS);
                    assertThat(unavailable.attempts()).hasSize(1);
                });
    }

    @Test
    void retriesWithBackoffStopAtTheDeadline() {
        emulator().model(PRO).overloadRate(1.0).latency(Duration.ofMillis(50));
        emulator().model(FLASH).overloadRate(1.0).latency(Duration.ofMillis(50));

        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=50",
                "genai.retry.initial-interval=100ms", "genai.retry.max-interval=400ms", "genai.retry.budget.min-retries=1000",
                "genai.chains.main.deadline=1500ms"), context -> {
                    long start = System.nanoTime();
                    GenerationUnavailableException unavailable = catchThrowableOfType(
                            GenerationUnavailableException.class,
                            () -> generator(context).generate(ImageRequest.of("a stormy sea")));

                    assertThat(millisSince(start)).isLessThan(1500 + SLACK_MILLIS);
                    assertThat(unavailable.attempts()).hasSizeGreaterThan(2);
                });
    }

    @Test
    void aRequestsOwnDeadlineOverridesTheChains() {
        emulator().model(PRO).latency(Duration.ofSeconds(6));

        run(with(provider("pro", "gemini", PRO), "genai.providers.pro.timeout=30s", "genai.chains.main.providers=pro",
                "genai.chains.main.deadline=20s"), context -> {
                    long start = System.nanoTime();
                    catchThrowableOfType(GenerationUnavailableException.class, () -> generator(context)
                            .generate(ImageRequest.builder("a slow moon").deadline(Duration.ofMillis(800)).build()));

                    assertThat(millisSince(start)).isLessThan(800 + SLACK_MILLIS);
                });
    }
}
