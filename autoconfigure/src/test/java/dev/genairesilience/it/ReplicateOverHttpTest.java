package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type {@code replicate} over real HTTP: a prediction waited for, else polled, cancelled at the deadline. */
class ReplicateOverHttpTest extends EmulatedProvidersTest {

    private static final String MODEL = "black-forest-labs/flux-schnell";
    private static final ImageRequest REQUEST = ImageRequest.of("a red bicycle");

    private List<String> replicate(String... more) {
        List<String> p = new ArrayList<>();
        p.addAll(provider("rep", "replicate", MODEL));
        p.add("genai.chains.main.providers=rep");
        p.addAll(fastRetries());
        p.addAll(List.of(more));
        return p;
    }

    private ModelBehaviour model() {
        return emulator().model(MODEL).expectApiKey(API_KEY);
    }

    @Test
    void aQuickModelAnswersTheWaitedForPredictionWithoutAPoll() {
        ModelBehaviour rep = model();
        run(replicate(), context -> {
            GeneratedImage image = generator(context).generate(ImageRequest.builder("a fox").aspectRatio("16:9")
                    .build());

            assertThat(image.attempts()).hasSize(1);
            assertThat(rep.polls()).isZero();
            assertThat(rep.recordedCalls().get(0).headers().get("prefer")).isEqualTo("wait=4");
            assertThat(rep.recordedCalls().get(0).body()).contains("\"aspect_ratio\":\"16:9\"");
        });
    }

    @Test
    void aPredictionNotDoneByThenIsPolledAndAFailedPollPolledAgain() {
        ModelBehaviour rep = model().pendingPolls(2).failNextPolls(1, Fault.OVERLOADED);
        run(replicate(), context -> {
            assertThat(generator(context).generate(REQUEST).attempts()).hasSize(1);
            assertThat(rep.calls()).isEqualTo(1);
            assertThat(rep.polls()).isEqualTo(4);
        });
    }

    @Test
    void aPredictionStillRunningAtTheDeadlineIsCancelled() {
        ModelBehaviour rep = model().pendingPolls(Integer.MAX_VALUE);
        run(replicate("genai.providers.rep.timeout=1s", "genai.retry.max-attempts=1"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts().get(0).failure()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(unavailable.attempts().get(0).abandonedJob()).isNotBlank();
            assertThat(unavailable.getCause()).hasMessageContaining("(cancelled)");
            assertThat(rep.cancels()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0} at creation is {1} ({2})")
    @CsvSource({
        "OVERLOADED,     OVERLOADED,     503",
        "RATE_LIMITED,   RATE_LIMITED,   429",
        "MALFORMED,      MALFORMED,      201",
        "OUT_OF_CREDITS, AUTHENTICATION, 402",
    })
    void failuresAtCreationAreClassified(Fault fault, FailureKind kind, int status) {
        model().hint(Duration.ofMillis(100)).failNext(1, fault);
        run(replicate("genai.retry.max-attempts=2"), context -> {
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
