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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type {@code fal} over real HTTP against the testkit's fal queue: submit, poll, fetch, cancel at the deadline. */
class FalOverHttpTest extends EmulatedProvidersTest {

    private static final String MODEL = "fal-ai/flux/dev";
    private static final ImageRequest REQUEST = ImageRequest.of("a red bicycle");

    private List<String> fal(String... more) {
        List<String> p = new ArrayList<>();
        p.addAll(provider("fal", "fal", MODEL));
        p.add("genai.chains.main.providers=fal");
        p.addAll(fastRetries());
        p.addAll(List.of(more));
        return p;
    }

    private ModelBehaviour model() {
        return emulator().model(MODEL).expectApiKey(API_KEY);
    }

    @Test
    void aQueuedRequestIsPolledUntilCompletedAndItsImageFetchedInOneAttempt() {
        ModelBehaviour fal = model().pendingPolls(2);
        run(fal(), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.attempts()).singleElement().satisfies(a -> assertThat(a.succeeded()).isTrue());
            assertThat(fal.calls()).isEqualTo(1);
            assertThat(fal.polls()).isEqualTo(3);
            assertThat(fal.recordedCalls().get(0).body()).contains("\"image_size\":{\"width\":1024,\"height\":1024}");
            assertThat(fal.recordedCalls().get(0).headers().get("authorization")).isNotNull();
        });
    }

    @Test
    void aStatusPollThatFailsIsPolledAgainNeverResubmitted() {
        ModelBehaviour fal = model().pendingPolls(1).failNextPolls(1, Fault.SERVER_ERROR);
        run(fal(), context -> {
            assertThat(generator(context).generate(REQUEST).attempts()).hasSize(1);
            assertThat(fal.calls()).isEqualTo(1);
            assertThat(fal.polls()).isEqualTo(3);
        });
    }

    @Test
    void aRequestStillQueuedAtTheDeadlineIsCancelledAndTheAttemptSaysSo() {
        ModelBehaviour fal = model().pendingPolls(Integer.MAX_VALUE);
        run(fal("genai.providers.fal.timeout=1s", "genai.retry.max-attempts=1"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            Attempt attempt = unavailable.attempts().get(0);
            assertThat(attempt.failure()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(attempt.abandonedJob()).isNotBlank();
            assertThat(unavailable.getCause()).hasMessageContaining("(cancelled)");
            assertThat(fal.cancels()).isEqualTo(1);
            assertThat(fal.calls()).isEqualTo(1);
        });
    }

    @Test
    void aFlaggedImageIsAContentBlockNeverRetried() {
        ModelBehaviour fal = model().failNext(1, Fault.CONTENT_BLOCKED);
        run(fal("genai.retry.max-attempts=5"), context -> {
            PromptBlockedException blocked = catchThrowableOfType(PromptBlockedException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(blocked.getMessage()).contains("has_nsfw_concepts");
            assertThat(fal.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0} at submission is {1} ({2})")
    @CsvSource({
        "OVERLOADED,   OVERLOADED,     503",
        "RATE_LIMITED, RATE_LIMITED,   429",
        "MALFORMED,    MALFORMED,      200",
        "UNAUTHORIZED, AUTHENTICATION, 401",
        "NOT_FOUND,    MODEL_NOT_FOUND, 404",
    })
    void failuresAtSubmissionAreClassified(Fault fault, FailureKind kind, int status) {
        model().hint(Duration.ofMillis(100)).failNext(1, fault);
        run(fal("genai.retry.max-attempts=2"), context -> {
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
