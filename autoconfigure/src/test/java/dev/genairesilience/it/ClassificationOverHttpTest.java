package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the classification table, over real HTTP, with the reaction the table asks for. */
class ClassificationOverHttpTest extends EmulatedProvidersTest {

    private static final ImageRequest REQUEST = ImageRequest.of("a red bicycle");

    @ParameterizedTest(name = "{0} {1} is {2} ({3})")
    @CsvSource({
        // type,      fault,           kind,            status
        "gemini,      OVERLOADED,      OVERLOADED,      503",
        "openai,      OVERLOADED,      OVERLOADED,      503",
        "huggingface, LOADING,         MODEL_LOADING,   503",
        "gemini,      RATE_LIMITED,    RATE_LIMITED,    429",
        "openai,      RATE_LIMITED,    RATE_LIMITED,    429",
        "huggingface, RATE_LIMITED,    RATE_LIMITED,    429",
        "gemini,      SERVER_ERROR,    SERVER_ERROR,    500",
        "openai,      BAD_GATEWAY,     SERVER_ERROR,    502",
        "huggingface, GATEWAY_TIMEOUT, SERVER_ERROR,    504",
        "gemini,      MALFORMED,       MALFORMED,       200",
        "openai,      MALFORMED,       MALFORMED,       200",
        "huggingface, MALFORMED,       MALFORMED,       200",
        "gemini,      DROP_CONNECTION, CONNECTION,      0",
    })
    void aTransientFailureIsClassifiedAndTheSameStepIsRetried(String type, Fault fault, FailureKind kind, int status) {
        ModelBehaviour model = emulator().model(modelOf(type)).hint(Duration.ofMillis(100)).failNext(1, fault);

        run(with(single(type), "genai.retry.max-attempts=2"), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.attempts()).hasSize(2);
            Attempt failed = image.attempts().get(0);
            assertThat(failed.failure()).isEqualTo(kind);
            assertThat(failed.httpStatus()).isEqualTo(status);
            assertThat(image.attempts().get(1).succeeded()).isTrue();
            assertThat(model.calls()).isEqualTo(2);
        });
    }

    @ParameterizedTest(name = "{0} {1} is never retried")
    @CsvSource({
        "gemini,      BAD_REQUEST,   400",
        "openai,      BAD_REQUEST,   400",
        "huggingface, BAD_REQUEST,   400",
        "gemini,      UNPROCESSABLE, 422",
    })
    void aBadRequestIsRejectedAfterOneCallAndNeverRetried(String type, Fault fault, int status) {
        ModelBehaviour model = emulator().model(modelOf(type)).failNext(1, fault);

        run(with(single(type), "genai.retry.max-attempts=5"), context -> {
            GenerationRejectedException rejected = catchThrowableOfType(GenerationRejectedException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(rejected.httpStatus()).isEqualTo(status);
            assertThat(model.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0} is {1}: the provider is skipped")
    @CsvSource({
        "UNAUTHORIZED, AUTHENTICATION,  401",
        "FORBIDDEN,    AUTHENTICATION,  403",
        "NOT_FOUND,    MODEL_NOT_FOUND, 404",
    })
    void aKeyOrModelProblemSkipsTheProviderWithoutRetryingIt(Fault fault, FailureKind kind, int status) {
        ModelBehaviour pro = emulator().model(PRO).failNext(1, fault);
        List<String> chain = List.of("genai.chains.main.providers=pro,flash", "genai.chains.main.resolution=4K",
                "genai.chains.main.degrade=2K,1K", "genai.retry.max-attempts=5");

        run(with(geminiPair(), chain.toArray(String[]::new)), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            // pro@4K failed; pro@2K and pro@1K were skipped without a call; flash@1K delivered
            assertThat(pro.calls()).isEqualTo(1);
            assertThat(image.attempts()).extracting(Attempt::failure).containsExactly(kind, null);
            assertThat(image.attempts().get(0).httpStatus()).isEqualTo(status);
            assertThat(image.provider()).isEqualTo("flash");
            assertThat(image.degraded()).isTrue();
        });
    }

    @Test
    void aWrongApiKeyIsAnAuthenticationFailure() {
        emulator().model(PRO);
        List<String> props = with(provider("pro", "gemini", PRO), "genai.providers.pro.api-key=not-the-right-key",
                "genai.chains.main.providers=pro");

        run(props, context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts()).extracting(Attempt::failure)
                    .containsExactly(FailureKind.AUTHENTICATION);
            assertThat(unavailable.getMessage()).doesNotContain("not-the-right-key");
        });
    }

    @Test
    void aCallOutlastingItsTimeoutIsATimeout() {
        emulator().model(PRO).latency(Duration.ofSeconds(3));

        run(with(single("gemini"), "genai.providers.p.timeout=300ms", "genai.retry.max-attempts=2"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts()).extracting(Attempt::failure)
                    .containsExactly(FailureKind.TIMEOUT, FailureKind.TIMEOUT);
        });
    }

    @Test
    void aRefusedConnectionIsAConnectionFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String> props = with(single("gemini"), "genai.providers.p.base-url=http://127.0.0.1:" + closedPort,
                "genai.retry.max-attempts=2");

        run(props, context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts()).extracting(Attempt::failure)
                    .containsExactly(FailureKind.CONNECTION, FailureKind.CONNECTION);
            assertThat(unavailable.getMessage()).contains("Nothing was generated").contains("nothing was charged");
        });
    }

    private List<String> single(String type) {
        return with(provider("p", type, modelOf(type)), with(fastRetries(), "genai.chains.main.providers=p")
                .toArray(String[]::new));
    }

    private static String modelOf(String type) {
        return switch (type) {
            case "gemini" -> PRO;
            case "openai" -> GPT;
            case "huggingface" -> SDXL;
            default -> throw new IllegalArgumentException(type);
        };
    }
}
