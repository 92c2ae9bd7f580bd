package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.PromptBlockedException;
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

/** Type {@code bfl} over real HTTP: submit, then poll, against the testkit's FLUX API. */
class BflOverHttpTest extends EmulatedProvidersTest {

    private static final String FLUX = "flux-pro-1.1";
    private static final ImageRequest REQUEST = ImageRequest.of("a red bicycle");

    /** A bfl provider {@code flux} alone in chain main, then {@code more}. */
    private List<String> flux(String... more) {
        List<String> p = new ArrayList<>();
        p.addAll(provider("flux", "bfl", FLUX));
        p.add("genai.chains.main.providers=flux");
        p.addAll(fastRetries());
        p.addAll(List.of(more));
        return p;
    }

    private ModelBehaviour model() {
        return emulator().model(FLUX).expectApiKey(API_KEY);
    }

    @Test
    void aJobIsPolledWhilePendingAndItsImageFetchedWhenReadyInOneAttempt() {
        ModelBehaviour flux = model().pendingPolls(3);
        run(flux(), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.provider()).isEqualTo("flux");
            assertThat(image.mimeType()).isEqualTo("image/png");
            assertThat(image.attempts()).as("polls are not attempts").singleElement()
                    .satisfies(a -> assertThat(a.succeeded()).isTrue());
            assertThat(flux.calls()).as("one submission").isEqualTo(1);
            assertThat(flux.polls()).isEqualTo(4);
            RecordedCall submit = flux.recordedCalls().get(0);
            assertThat(submit.path()).isEqualTo("/v1/" + FLUX);
            assertThat(submit.body()).contains("\"width\":1024").contains("\"height\":1024");
        });
    }

    @Test
    void aPollThatFailsIsPolledAgainNeverResubmitted() {
        ModelBehaviour flux = model().pendingPolls(1).failNextPolls(2, Fault.OVERLOADED);
        run(flux(), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.attempts()).hasSize(1);
            assertThat(flux.calls()).isEqualTo(1);
            assertThat(flux.polls()).isEqualTo(4);
        });
    }

    @Test
    void aJobStillPendingAtTheEndOfTheAttemptsTimeIsAbandonedAndSaysSo() {
        ModelBehaviour flux = model().pendingPolls(Integer.MAX_VALUE);
        run(flux("genai.providers.flux.timeout=1s", "genai.retry.max-attempts=1"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            Attempt attempt = unavailable.attempts().get(0);
            assertThat(attempt.failure()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(attempt.abandonedJob()).isNotBlank();
            assertThat(attempt.summary()).contains("job " + attempt.abandonedJob() + " abandoned");
            assertThat(flux.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "a moderated {0} is a content block, never retried")
    @CsvSource({"PROMPT_BLOCKED", "CONTENT_BLOCKED"})
    void moderationIsAContentBlock(Fault fault) {
        ModelBehaviour flux = model().failNext(1, fault);
        run(flux("genai.retry.max-attempts=5"), context -> {
            PromptBlockedException blocked = catchThrowableOfType(PromptBlockedException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(blocked.getMessage()).contains(fault == Fault.PROMPT_BLOCKED ? "Request Moderated"
                    : "Content Moderated");
            assertThat(flux.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0} at submission is {1} ({2})")
    @CsvSource({
        "OVERLOADED,   OVERLOADED,   503",
        "RATE_LIMITED, RATE_LIMITED, 429",
        "SERVER_ERROR, SERVER_ERROR, 500",
        "MALFORMED,    MALFORMED,    200",
    })
    void aTransientFailureAtSubmissionIsRetriedAsANewAttempt(Fault fault, FailureKind kind, int status) {
        ModelBehaviour flux = model().hint(Duration.ofMillis(100)).failNext(1, fault);
        run(flux("genai.retry.max-attempts=2"), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.attempts()).extracting(Attempt::failure).containsExactly(kind, null);
            assertThat(image.attempts().get(0).httpStatus()).isEqualTo(status);
            assertThat(flux.calls()).isEqualTo(2);
        });
    }

    @ParameterizedTest(name = "{0} is {1}: the provider cannot serve, never retried")
    @CsvSource({
        "UNAUTHORIZED,   AUTHENTICATION, 401",
        "OUT_OF_CREDITS, AUTHENTICATION, 402",
    })
    void aKeyOrCreditProblemIsNeverRetried(Fault fault, FailureKind kind, int status) {
        ModelBehaviour flux = model().failNext(1, fault);
        run(flux("genai.retry.max-attempts=5"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts()).extracting(Attempt::failure).containsExactly(kind);
            assertThat(unavailable.attempts().get(0).httpStatus()).isEqualTo(status);
            assertThat(flux.calls()).isEqualTo(1);
        });
    }

    @Test
    void a2kSquareIsScaledToTheApisFourMegapixels() {
        ModelBehaviour flux = model();
        run(flux("genai.chains.main.resolution=2K"), context -> {
            generator(context).generate(REQUEST);

            assertThat(flux.recordedCalls().get(0).body()).contains("\"width\":2000").contains("\"height\":2000");
        });
    }
}
