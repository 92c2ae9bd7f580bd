package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.testkit.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each server wait hint is honoured, and none makes the engine wait past max-server-wait or the deadline. */
class ServerHintsOverHttpTest extends EmulatedProvidersTest {

    private static final ImageRequest REQUEST = ImageRequest.of("a lighthouse at dusk");

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
        // type,      hint ms, format
        "gemini,      700,  RetryInfo.retryDelay",
        "openai,      700,  retry-after-ms",
        "huggingface, 1000, Retry-After seconds",
    })
    void aRateLimitHintIsWaitedOutBeforeTheRetry(String type, long hintMillis, String format) {
        String model = "gemini".equals(type) ? PRO : "openai".equals(type) ? GPT : SDXL;
        emulator().model(model).hint(Duration.ofMillis(hintMillis)).failNext(1, Fault.RATE_LIMITED);

        run(with(provider("p", type, model), "genai.chains.main.providers=p", "genai.retry.max-interval=50ms"),
                context -> {
                    GeneratedImage image = generator(context).generate(REQUEST);

                    assertThat(image.attempts()).extracting(Attempt::failure)
                            .containsExactly(FailureKind.RATE_LIMITED, null);
                    Duration waited = image.attempts().get(1).waitBefore();
                    assertThat(waited).isBetween(Duration.ofMillis(hintMillis), Duration.ofMillis(hintMillis + 1500));
                });
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsWaitedOut() {
        emulator().model(GPT).hint(Duration.ofSeconds(2)).retryAfterAsHttpDate(true).failNext(1, Fault.RATE_LIMITED);

        // OpenAI also sends retry-after-ms; a gateway that sends only the date is emulated by the date format
        run(with(provider("p", "openai", GPT), "genai.chains.main.providers=p", "genai.retry.max-interval=50ms"),
                context -> {
                    GeneratedImage image = generator(context).generate(REQUEST);

                    // an HTTP date has whole seconds: 2s from now is between 1 and 2 seconds away
                    assertThat(image.attempts().get(1).waitBefore())
                            .isBetween(Duration.ofMillis(900), Duration.ofMillis(3500));
                });
    }

    @Test
    void aColdModelsEstimatedTimeIsWaitedOut() {
        emulator().model(SDXL).coldStart(Duration.ofMillis(800), Duration.ofMillis(600));

        run(with(provider("p", "huggingface", SDXL), "genai.chains.main.providers=p",
                "genai.retry.max-interval=50ms"), context -> {
                    GeneratedImage image = generator(context).generate(REQUEST);

                    assertThat(image.attempts()).extracting(Attempt::failure)
                            .containsExactly(FailureKind.MODEL_LOADING, null);
                    assertThat(image.attempts().get(1).waitBefore()).isGreaterThanOrEqualTo(Duration.ofMillis(800));
                });
    }

    @Test
    void anAbsurdEstimatedTimeMovesOnToTheNextProviderWithoutWaiting() {
        emulator().model(SDXL).coldStart(Duration.ofSeconds(2315), Duration.ofHours(1));
        List<String> props = with(provider("sdxl", "huggingface", SDXL), "genai.chains.main.providers=sdxl,flash");
        props.addAll(provider("flash", "gemini", FLASH));

        run(props, context -> {
            long start = System.nanoTime();
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(millisSince(start)).isLessThan(2000);
            assertThat(image.provider()).isEqualTo("flash");
            assertThat(image.attempts()).extracting(Attempt::failure)
                    .containsExactly(FailureKind.MODEL_LOADING, null);
            assertThat(image.attempts().get(1).waitBefore()).isZero();
        });
    }

    @Test
    void aRateLimitHintHoldsTheProviderSoOtherRequestsGoStraightToTheNextOne() {
        emulator().model(PRO).hint(Duration.ofSeconds(20)).rateLimit(1, Duration.ofMinutes(1));

        run(with(geminiPair(), "genai.chains.main.providers=pro,flash"), context -> {
            assertThat(generator(context).generate(REQUEST).provider()).isEqualTo("pro");
            assertThat(generator(context).generate(REQUEST).provider()).isEqualTo("flash");
            for (int i = 0; i < 5; i++) {
                GeneratedImage image = generator(context).generate(REQUEST);
                assertThat(image.provider()).isEqualTo("flash");
                assertThat(image.attempts()).hasSize(1);
            }
            // one success, one 429; the 20 s hint kept the other five requests away from the spent quota
            assertThat(emulator().model(PRO).calls()).isEqualTo(2);
        });
    }

    @Test
    void aHintLongerThanMaxServerWaitMovesOnAtOnce() {
        emulator().model(PRO).hint(Duration.ofSeconds(10)).failNext(1, Fault.RATE_LIMITED);

        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-server-wait=1s"),
                context -> {
                    long start = System.nanoTime();
                    GeneratedImage image = generator(context).generate(REQUEST);

                    assertThat(millisSince(start)).isLessThan(2000);
                    assertThat(image.provider()).isEqualTo("flash");
                    assertThat(emulator().model(PRO).calls()).isEqualTo(1);
                });
    }

    @Test
    void aHintLongerThanTheTimeLeftMovesOnAtOnce() {
        emulator().model(PRO).hint(Duration.ofSeconds(3)).failNext(1, Fault.RATE_LIMITED);

        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.chains.main.deadline=2s"),
                context -> {
                    long start = System.nanoTime();
                    GeneratedImage image = generator(context).generate(REQUEST);

                    assertThat(millisSince(start)).isLessThan(1500);
                    assertThat(image.provider()).isEqualTo("flash");
                    assertThat(emulator().model(PRO).calls()).isEqualTo(1);
                });
    }
}
