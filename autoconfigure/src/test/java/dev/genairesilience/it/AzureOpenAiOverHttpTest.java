package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.PromptBlockedException;
import dev.genairesilience.autoconfigure.GenAiAutoConfiguration;
import dev.genairesilience.autoconfigure.ImageProviderRegistry;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.AccessToken;
import dev.genairesilience.spi.AccessTokenSource;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Type {@code azure-openai} over real HTTP against the testkit's Azure OpenAI dialect, with a key or Entra tokens. */
class AzureOpenAiOverHttpTest extends EmulatedProvidersTest {

    private static final String DEPLOYMENT = "images-prod";
    private static final ImageRequest REQUEST = ImageRequest.of("a red bicycle");

    /** An azure-openai provider {@code azure} on deployment {@link #DEPLOYMENT}, alone in chain main. */
    private List<String> azure(String... more) {
        List<String> p = new ArrayList<>();
        p.addAll(provider("azure", "azure-openai", DEPLOYMENT));
        p.add("genai.providers.azure.options.base-model=gpt-image-1");
        p.add("genai.chains.main.providers=azure");
        p.addAll(fastRetries());
        p.addAll(List.of(more));
        return p;
    }

    private ModelBehaviour deployment() {
        return emulator().model(DEPLOYMENT).expectApiKey(API_KEY);
    }

    @Test
    void theV1FormSendsTheDeploymentAsTheModelAndTheKeyInApiKey() {
        ModelBehaviour deployment = deployment();
        run(azure(), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.provider()).isEqualTo("azure");
            assertThat(image.model()).isEqualTo(DEPLOYMENT);
            RecordedCall call = deployment.recordedCalls().get(0);
            assertThat(call.path()).isEqualTo("/openai/v1/images/generations");
            assertThat(call.body()).contains("\"model\":\"" + DEPLOYMENT + "\"").doesNotContain("response_format");
            assertThat(call.headers()).doesNotContainKey("authorization");
        });
    }

    @Test
    void theDeploymentFormNamesTheDeploymentInThePathWithItsApiVersion() {
        ModelBehaviour deployment = deployment();
        run(azure("genai.providers.azure.options.api-version=2025-04-01-preview"), context -> {
            generator(context).generate(REQUEST);

            RecordedCall call = deployment.recordedCalls().get(0);
            assertThat(call.path()).isEqualTo("/openai/deployments/" + DEPLOYMENT + "/images/generations");
            assertThat(call.body()).doesNotContain("\"model\"");
        });
    }

    @ParameterizedTest(name = "{0} is {1} ({2}) and retried")
    @CsvSource({
        "OVERLOADED,      OVERLOADED,   503",
        "RATE_LIMITED,    RATE_LIMITED, 429",
        "SERVER_ERROR,    SERVER_ERROR, 500",
        "BAD_GATEWAY,     SERVER_ERROR, 502",
        "MALFORMED,       MALFORMED,    200",
        "DROP_CONNECTION, CONNECTION,   0",
    })
    void aTransientFailureIsClassifiedAndRetried(Fault fault, FailureKind kind, int status) {
        ModelBehaviour deployment = deployment().hint(Duration.ofMillis(100)).failNext(1, fault);
        run(azure("genai.retry.max-attempts=2"), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.attempts()).extracting(Attempt::failure).containsExactly(kind, null);
            assertThat(image.attempts().get(0).httpStatus()).isEqualTo(status);
            assertThat(deployment.calls()).isEqualTo(2);
        });
    }

    @Test
    void azuresMillisecondHintIsTheWaitBeforeTheRetry() {
        deployment().hint(Duration.ofMillis(1300)).failNext(1, Fault.RATE_LIMITED);
        run(azure("genai.retry.max-attempts=2"), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            // retry-after says 2 s (whole seconds, rounded up); x-ms-retry-after-ms says 1300 ms and wins
            assertThat(image.attempts().get(1).waitBefore()).isEqualTo(Duration.ofMillis(1300));
        });
    }

    @ParameterizedTest(name = "{0} is {1}: never retried")
    @CsvSource({
        "UNAUTHORIZED, AUTHENTICATION,  401",
        "FORBIDDEN,    AUTHENTICATION,  403",
        "NOT_FOUND,    MODEL_NOT_FOUND, 404",
    })
    void aKeyOrDeploymentProblemIsNeverRetried(Fault fault, FailureKind kind, int status) {
        ModelBehaviour deployment = deployment().failNext(1, fault);
        run(azure("genai.retry.max-attempts=5"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts()).extracting(Attempt::failure).containsExactly(kind);
            assertThat(unavailable.attempts().get(0).httpStatus()).isEqualTo(status);
            assertThat(deployment.calls()).isEqualTo(1);
        });
    }

    @Test
    void aBadRequestIsRejectedAfterOneCall() {
        ModelBehaviour deployment = deployment().failNext(1, Fault.BAD_REQUEST);
        run(azure("genai.retry.max-attempts=5"), context -> {
            GenerationRejectedException rejected = catchThrowableOfType(GenerationRejectedException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(rejected.httpStatus()).isEqualTo(400);
            assertThat(deployment.calls()).isEqualTo(1);
        });
    }

    @Test
    void theContentFilterIsABlockedPromptThatCountsNothingAgainstTheDeployment() {
        ModelBehaviour deployment = deployment().blockPromptsContaining("forbidden");
        run(azure("genai.retry.max-attempts=5"), context -> {
            PromptBlockedException blocked = catchThrowableOfType(PromptBlockedException.class,
                    () -> generator(context).generate(ImageRequest.of("a forbidden scene")));

            assertThat(blocked.httpStatus()).isEqualTo(400);
            assertThat(deployment.calls()).isEqualTo(1);
            assertThat(generator(context).generate(REQUEST).provider()).isEqualTo("azure");
        });
    }

    @Test
    void withATokenSourceTheCallsCarryAnEntraBearerTokenAndNoKey() {
        String token = "entra-token-3c9b71";
        ModelBehaviour deployment = emulator().model(DEPLOYMENT).expectApiKey(token);
        AtomicInteger fetches = new AtomicInteger();
        AccessTokenSource entra = () -> {
            fetches.incrementAndGet();
            return AccessToken.of(token, Instant.now().plus(Duration.ofHours(1)));
        };
        List<String> props = azure("genai.providers.azure.options.token-source=entra");
        props.removeIf(line -> line.startsWith("genai.providers.azure.api-key="));
        run(new ApplicationContextRunner().withBean("entra", AccessTokenSource.class, () -> entra), props,
                context -> {
                    generator(context).generate(REQUEST);
                    generator(context).generate(REQUEST);

                    RecordedCall call = deployment.recordedCalls().get(1);
                    assertThat(call.headers()).containsEntry("authorization", "Bearer " + token)
                            .doesNotContainKey("api-key");
                    assertThat(fetches).hasValue(1);
                    assertThat(context.getBean(ImageProviderRegistry.class).provider("azure").orElseThrow()
                            .toString()).doesNotContain(token);
                });
    }

    @Test
    void aKeyAndATokenSourceTogetherFailStartUpNamingBoth() {
        AccessTokenSource entra = () -> AccessToken.of("t", Instant.now().plus(Duration.ofHours(1)));
        new ApplicationContextRunner().withBean("entra", AccessTokenSource.class, () -> entra)
                .withConfiguration(AutoConfigurations.of(GenAiAutoConfiguration.class))
                .withPropertyValues(azure("genai.providers.azure.options.token-source=entra").toArray(String[]::new))
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "genai.providers.azure.api-key and genai.providers.azure.options.token-source are both set"));
    }

    @Test
    void aMissingBaseUrlFailsAtStartUpNamingTheProperty() {
        List<String> props = azure();
        props.removeIf(line -> line.startsWith("genai.providers.azure.base-url="));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GenAiAutoConfiguration.class))
                .withPropertyValues(props.toArray(String[]::new))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("genai.providers.azure.base-url is required for type azure-openai"));
    }
}
