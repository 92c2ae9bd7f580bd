package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.PromptBlockedException;
import dev.genairesilience.Resolution;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type {@code stability} over real HTTP against the testkit's Stable Image API. */
class StabilityOverHttpTest extends EmulatedProvidersTest {

    private static final ImageRequest REQUEST = ImageRequest.of("a red bicycle");

    /** A stability provider {@code sd} on {@code model}, alone in chain main, then {@code more}. */
    private List<String> stability(String model, String... more) {
        List<String> p = new ArrayList<>();
        p.addAll(provider("sd", "stability", model));
        p.add("genai.chains.main.providers=sd");
        p.addAll(fastRetries());
        p.addAll(List.of(more));
        return p;
    }

    @Test
    void aMultipartCallGetsTheImagesBytesBack() {
        ModelBehaviour core = emulator().model("core").expectApiKey(API_KEY);
        run(stability("core"), context -> {
            GeneratedImage image = generator(context).generate(ImageRequest.builder("a fox").aspectRatio("16:9")
                    .build());

            assertThat(image.mimeType()).isEqualTo("image/png");
            RecordedCall call = core.recordedCalls().get(0);
            assertThat(call.path()).isEqualTo("/v2beta/stable-image/generate/core");
            assertThat(call.headers().get("content-type")).startsWith("multipart/form-data; boundary=");
            assertThat(call.body()).contains("name=\"aspect_ratio\"\r\n\r\n16:9").contains("name=\"prompt\"");
        });
    }

    @Test
    void anSd3ModelGoesToTheSd3EndpointNamingItself() {
        ModelBehaviour large = emulator().model("sd3.5-large").expectApiKey(API_KEY);
        run(stability("sd3.5-large"), context -> {
            generator(context).generate(REQUEST);

            assertThat(large.recordedCalls().get(0).path()).isEqualTo("/v2beta/stable-image/generate/sd3");
            assertThat(large.recordedCalls().get(0).body()).contains("name=\"model\"\r\n\r\nsd3.5-large");
        });
    }

    @Test
    void ultraDrawsTwoK() {
        emulator().model("ultra").expectApiKey(API_KEY);
        run(stability("ultra", "genai.chains.main.resolution=2K"), context ->
                assertThat(generator(context).generate(REQUEST).resolution()).isEqualTo(Resolution.TWO_K));
    }

    @ParameterizedTest(name = "{0} is a content block, never retried")
    @CsvSource({"PROMPT_BLOCKED", "CONTENT_BLOCKED"})
    void moderationAndTheFilteredImageAreContentBlocks(Fault fault) {
        ModelBehaviour core = emulator().model("core").expectApiKey(API_KEY).failNext(1, fault);
        run(stability("core", "genai.retry.max-attempts=5"), context -> {
            PromptBlockedException blocked = catchThrowableOfType(PromptBlockedException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(blocked.getMessage()).contains(fault == Fault.PROMPT_BLOCKED ? "content_moderation"
                    : "CONTENT_FILTERED");
            assertThat(core.calls()).isEqualTo(1);
        });
    }

    @Test
    void theRateLimitsLockoutHoldsTheProviderForSixtySeconds() {
        ModelBehaviour core = emulator().model("core").expectApiKey(API_KEY).failNext(1, Fault.RATE_LIMITED);
        run(stability("core", "genai.retry.max-attempts=3", "genai.chains.main.deadline=3s"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts()).extracting(Attempt::failure).containsExactly(FailureKind.RATE_LIMITED);
            assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(60));
            assertThat(core.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource({
        "OVERLOADED,     OVERLOADED,     503",
        "SERVER_ERROR,   SERVER_ERROR,   500",
        "MALFORMED,      MALFORMED,      200",
        "UNAUTHORIZED,   AUTHENTICATION, 401",
        "OUT_OF_CREDITS, AUTHENTICATION, 402",
    })
    void failuresAreClassifiedByStatus(Fault fault, FailureKind kind, int status) {
        emulator().model("core").expectApiKey(API_KEY).failNext(1, fault);
        run(stability("core", "genai.retry.max-attempts=2"), context -> {
            List<Attempt> attempts;
            try {
                attempts = generator(context).generate(REQUEST).attempts();
            } catch (GenerationUnavailableException e) {
                attempts = e.attempts();
            }
            assertThat(attempts.get(0).failure()).isEqualTo(kind);
            assertThat(attempts.get(0).httpStatus()).isEqualTo(status);
        });
    }
}
