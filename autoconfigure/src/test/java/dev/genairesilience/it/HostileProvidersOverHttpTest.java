package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.testkit.ModelBehaviour;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Providers that answer more than any image could be, never answer, or answer a byte at a time: each costs
 * the caller one bounded attempt, and the chain moves on to a healthy provider.
 */
class HostileProvidersOverHttpTest extends EmulatedProvidersTest {

    private static final ImageRequest REQUEST = ImageRequest.of("a lighthouse in fog");

    @ParameterizedTest(name = "with Content-Length: {0}")
    @ValueSource(booleans = {true, false})
    void anOversizedAnswerFailsAsMalformedAndTheNextProviderServes(boolean withContentLength) {
        ModelBehaviour big = emulator().model(PRO).oversizedAnswer(8, withContentLength);

        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=2",
                "genai.http.max-response-size=1MB"), context -> {
                    GeneratedImage image = generator(context).generate(REQUEST);

                    assertThat(image.provider()).isEqualTo("flash");
                    List<Attempt> onBig = image.attempts().stream().filter(a -> a.provider().equals("pro")).toList();
                    assertThat(onBig).hasSize(2).allSatisfy(a -> {
                        assertThat(a.failure()).isEqualTo(FailureKind.MALFORMED);
                        assertThat(a.httpStatus()).isEqualTo(200);
                    });
                    assertThat(big.calls()).isEqualTo(2);
                    assertThat(Thread.currentThread().isInterrupted()).isFalse();
                });
    }

    @Test
    void anAnswerOverTheSizeSaysSoAndNamesTheProperty() {
        emulator().model(PRO).oversizedAnswer(8, true);

        run(with(provider("pro", "gemini", PRO), "genai.chains.main.providers=pro", "genai.retry.max-attempts=1",
                "genai.http.max-response-size=1MB"), context -> {
                    GenerationUnavailableException unavailable = catchThrowableOfType(
                            GenerationUnavailableException.class, () -> generator(context).generate(REQUEST));

                    assertThat(unavailable.getCause()).isInstanceOf(MalformedResponseException.class)
                            .hasMessage("Provider 'pro' answered over genai.http.max-response-size (1MB): "
                                    + "Content-Length 8388608");
                });
    }

    @Test
    void anAnswerGrowingOverTheSizeSaysWhereItWasCut() {
        emulator().model(PRO).oversizedAnswer(8, false);

        run(with(provider("pro", "gemini", PRO), "genai.chains.main.providers=pro", "genai.retry.max-attempts=1",
                "genai.http.max-response-size=1MB"), context -> {
                    GenerationUnavailableException unavailable = catchThrowableOfType(
                            GenerationUnavailableException.class, () -> generator(context).generate(REQUEST));

                    assertThat(unavailable.getCause()).hasMessage(
                            "Provider 'pro' answered over genai.http.max-response-size (1MB): cut after 1MB");
                });
    }

    @Test
    void anAnswerWithinTheDefaultSizeIsServed() {
        emulator().model(PRO).oversizedAnswer(2, false);

        run(with(provider("pro", "gemini", PRO), "genai.chains.main.providers=pro"), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.provider()).isEqualTo("pro");
            assertThat(image.bytes().length).isGreaterThan(1024 * 1024);
        });
    }

    @Test
    void aProviderThatNeverAnswersTimesOutAndTheNextProviderServes() {
        emulator().model(PRO).hang(true);

        run(with(geminiPair(), "genai.providers.pro.timeout=500ms", "genai.chains.main.providers=pro,flash",
                "genai.retry.max-attempts=1"), context -> {
                    GeneratedImage image = generator(context).generate(REQUEST);

                    assertThat(image.provider()).isEqualTo("flash");
                    assertThat(image.attempts().get(0).failure()).isEqualTo(FailureKind.TIMEOUT);
                });
    }

    @Test
    void aTricklingProviderTimesOutAndTheNextProviderServes() {
        emulator().model(PRO).trickle(Duration.ofMillis(100));

        run(with(geminiPair(), "genai.providers.pro.timeout=500ms", "genai.chains.main.providers=pro,flash",
                "genai.retry.max-attempts=1"), context -> {
                    GeneratedImage image = generator(context).generate(REQUEST);

                    assertThat(image.provider()).isEqualTo("flash");
                    assertThat(image.attempts().get(0).failure()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(image.attempts().get(0).httpStatus()).isZero();
                });
    }
}
