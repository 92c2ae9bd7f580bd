package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

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
import dev.genairesilience.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * Type {@code vertex-ai} over real HTTP against the testkit's Vertex AI dialects (Gemini's {@code generateContent} and
 * Imagen's {@code predict}), with the bearer tokens of an {@link AccessTokenSource} bean.
 */
class VertexAiOverHttpTest extends EmulatedProvidersTest {

    // not the base class's FLASH, whose key run() sets
    private static final String GEMINI = "gemini-2.0-flash-preview-image-generation";
    private static final String IMAGEN = "imagen-4.0-generate-001";
    private static final String TOKEN = "ya29.vertex-test-token-5d1e";
    private static final String PROJECT = "my-project";
    private static final ImageRequest REQUEST = ImageRequest.of("a red bicycle");

    private final MutableClock clock = new MutableClock();
    private final CountingTokens tokens = new CountingTokens(clock);

    /** A vertex-ai provider {@code vertex} on {@code model} in us-central1 at the emulator, alone in chain main. */
    private List<String> vertex(String model, String... more) {
        List<String> p = new ArrayList<>();
        p.add("genai.providers.vertex.type=vertex-ai");
        p.add("genai.providers.vertex.model=" + model);
        p.add("genai.providers.vertex.base-url=" + emulator().baseUrl());
        p.add("genai.providers.vertex.timeout=5s");
        p.add("genai.providers.vertex.options.project=" + PROJECT);
        p.add("genai.providers.vertex.options.location=us-central1");
        p.add("genai.chains.main.providers=vertex");
        p.addAll(fastRetries());
        p.addAll(List.of(more));
        return p;
    }

    /** The application's token source as the bean {@code vertexTokens}, the engine on the test's clock. */
    private ApplicationContextRunner withTokens() {
        return new ApplicationContextRunner().withBean("vertexTokens", AccessTokenSource.class, () -> tokens)
                .withBean("genAiClock", Clock.class, () -> clock);
    }

    private ModelBehaviour model(String model) {
        return emulator().model(model).expectApiKey(TOKEN + "-1");
    }

    @AfterEach
    void noLogLineHoldsAToken(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void geminiOnVertexCallsGenerateContentOfThePublisherModelWithTheBearerToken() {
        ModelBehaviour gemini = model(GEMINI);
        run(withTokens(), vertex(GEMINI), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.provider()).isEqualTo("vertex");
            assertThat(image.model()).isEqualTo(GEMINI);
            RecordedCall call = gemini.recordedCalls().get(0);
            assertThat(call.path()).isEqualTo("/v1/projects/" + PROJECT + "/locations/us-central1/publishers/google/"
                    + "models/" + GEMINI + ":generateContent");
            assertThat(call.headers()).containsEntry("authorization", "Bearer " + TOKEN + "-1")
                    .doesNotContainKey("x-goog-api-key");
            assertThat(call.body()).contains("\"responseModalities\":[\"TEXT\",\"IMAGE\"]")
                    .doesNotContain("imageSize");
        });
    }

    @Test
    void theGlobalLocationIsInThePathAsWell() {
        ModelBehaviour gemini = model(GEMINI);
        run(withTokens(), vertex(GEMINI, "genai.providers.vertex.options.location=global"), context -> {
            generator(context).generate(REQUEST);

            assertThat(gemini.recordedCalls().get(0).path())
                    .startsWith("/v1/projects/" + PROJECT + "/locations/global/");
        });
    }

    @Test
    void geminiThreeProIsAskedItsImageSize() {
        ModelBehaviour pro = emulator().model(PRO);
        run(withTokens(), vertex(PRO, "genai.chains.main.resolution=4K"), context -> {
            // run() has set the base class's key for PRO
            pro.expectApiKey(TOKEN + "-1");
            GeneratedImage image = generator(context).generate(ImageRequest.builder("a red bicycle")
                    .aspectRatio("16:9").build());

            assertThat(image.resolution().label()).isEqualTo("4K");
            assertThat(pro.recordedCalls().get(0).body()).contains("\"imageSize\":\"4K\"")
                    .contains("\"aspectRatio\":\"16:9\"");
        });
    }

    @Test
    void imagenIsCalledThroughPredictWithOneSampleItsAspectRatioAndItsSize() {
        ModelBehaviour imagen = model(IMAGEN);
        run(withTokens(), vertex(IMAGEN, "genai.chains.main.resolution=2K"), context -> {
            GeneratedImage image = generator(context).generate(ImageRequest.builder("a red bicycle")
                    .aspectRatio("16:9").build());

            assertThat(image.model()).isEqualTo(IMAGEN);
            assertThat(image.resolution().label()).isEqualTo("2K");
            assertThat(image.mimeType()).isEqualTo("image/png");
            RecordedCall call = imagen.recordedCalls().get(0);
            assertThat(call.path()).endsWith("/publishers/google/models/" + IMAGEN + ":predict");
            assertThat(call.body()).contains("\"instances\":[{\"prompt\":\"a red bicycle\"}]")
                    .contains("\"sampleCount\":1").contains("\"aspectRatio\":\"16:9\"")
                    .contains("\"sampleImageSize\":\"2K\"").contains("\"includeRaiReason\":true");
            assertThat(call.resolution()).isEqualTo("2K");
        });
    }

    @Test
    void anImagenModelWithoutSizesGetsNoSampleImageSizeAndAnAspectRatioItCannotDrawIsRefusedBeforeAnyCall() {
        String fast = "imagen-4.0-fast-generate-001";
        ModelBehaviour imagen = model(fast);
        run(withTokens(), vertex(fast), context -> {
            generator(context).generate(REQUEST);
            assertThat(imagen.recordedCalls().get(0).body()).doesNotContain("sampleImageSize");

            GenerationRejectedException rejected = catchThrowableOfType(GenerationRejectedException.class,
                    () -> generator(context).generate(ImageRequest.builder("a red bicycle").aspectRatio("21:9")
                            .build()));
            assertThat(rejected.getMessage()).contains("21:9");
            assertThat(imagen.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{1}: {2} is {3} ({4}) and retried")
    @CsvSource({
        "gemini-2.0-flash-preview-image-generation, OVERLOADED,      OVERLOADED,   503",
        "gemini-2.0-flash-preview-image-generation, RATE_LIMITED,    RATE_LIMITED, 429",
        "gemini-2.0-flash-preview-image-generation, SERVER_ERROR,    SERVER_ERROR, 500",
        "gemini-2.0-flash-preview-image-generation, BAD_GATEWAY,     SERVER_ERROR, 502",
        "gemini-2.0-flash-preview-image-generation, GATEWAY_TIMEOUT, TIMEOUT,      504",
        "gemini-2.0-flash-preview-image-generation, MALFORMED,       MALFORMED,    200",
        "gemini-2.0-flash-preview-image-generation, DROP_CONNECTION, CONNECTION,   0",
        "imagen-4.0-generate-001, OVERLOADED,      OVERLOADED,   503",
        "imagen-4.0-generate-001, RATE_LIMITED,    RATE_LIMITED, 429",
        "imagen-4.0-generate-001, SERVER_ERROR,    SERVER_ERROR, 500",
        "imagen-4.0-generate-001, GATEWAY_TIMEOUT, TIMEOUT,      504",
        "imagen-4.0-generate-001, MALFORMED,       MALFORMED,    200",
        "imagen-4.0-generate-001, DROP_CONNECTION, CONNECTION,   0",
    })
    void aTransientFailureIsClassifiedAndRetried(String modelId, Fault fault, FailureKind kind, int status) {
        ModelBehaviour model = model(modelId).hint(Duration.ofMillis(100)).failNext(1, fault);
        run(withTokens(), vertex(modelId, "genai.retry.max-attempts=2"), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.attempts()).extracting(Attempt::failure).containsExactly(kind, null);
            assertThat(image.attempts().get(0).httpStatus()).isEqualTo(status);
            assertThat(model.calls()).isEqualTo(2);
        });
    }

    @ParameterizedTest(name = "{1}: {2} is {3}, never retried")
    @CsvSource({
        "gemini-2.0-flash-preview-image-generation, UNAUTHORIZED, AUTHENTICATION,  401",
        "gemini-2.0-flash-preview-image-generation, FORBIDDEN,    AUTHENTICATION,  403",
        "gemini-2.0-flash-preview-image-generation, NOT_FOUND,    MODEL_NOT_FOUND, 404",
        "imagen-4.0-generate-001, UNAUTHORIZED, AUTHENTICATION,  401",
        "imagen-4.0-generate-001, FORBIDDEN,    AUTHENTICATION,  403",
        "imagen-4.0-generate-001, NOT_FOUND,    MODEL_NOT_FOUND, 404",
    })
    void aCredentialOrModelProblemIsNeverRetried(String modelId, Fault fault, FailureKind kind, int status) {
        ModelBehaviour model = model(modelId).failNext(1, fault);
        run(withTokens(), vertex(modelId, "genai.retry.max-attempts=5"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(unavailable.attempts()).extracting(Attempt::failure).containsExactly(kind);
            assertThat(unavailable.attempts().get(0).httpStatus()).isEqualTo(status);
            assertThat(model.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {GEMINI, IMAGEN})
    void aBadRequestIsRejectedAfterOneCall(String modelId) {
        ModelBehaviour model = model(modelId).failNext(1, Fault.BAD_REQUEST);
        run(withTokens(), vertex(modelId, "genai.retry.max-attempts=5"), context -> {
            GenerationRejectedException rejected = catchThrowableOfType(GenerationRejectedException.class,
                    () -> generator(context).generate(REQUEST));

            assertThat(rejected.httpStatus()).isEqualTo(400);
            assertThat(model.calls()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {GEMINI, IMAGEN})
    void retryAfterIsTheWaitBeforeTheRetry(String modelId) {
        model(modelId).hint(Duration.ofSeconds(1)).failNext(1, Fault.RATE_LIMITED);
        run(withTokens(), vertex(modelId, "genai.retry.max-attempts=2"), context -> {
            GeneratedImage image = generator(context).generate(REQUEST);

            assertThat(image.attempts().get(0).failure()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(image.attempts().get(1).waitBefore()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "gemini-2.0-flash-preview-image-generation, CONTENT_BLOCKED, IMAGE_SAFETY",
        "gemini-2.0-flash-preview-image-generation, PROMPT_BLOCKED,  SAFETY",
        "imagen-4.0-generate-001, CONTENT_BLOCKED, RAI_FILTERED 58061214",
    })
    void aContentBlockIsABlockedPromptThatCountsNothingAgainstTheProvider(String modelId, Fault block,
            String reason) {
        ModelBehaviour model = model(modelId).blockPromptsContaining("forbidden", block);
        run(withTokens(), vertex(modelId, "genai.retry.max-attempts=5"), context -> {
            PromptBlockedException blocked = catchThrowableOfType(PromptBlockedException.class,
                    () -> generator(context).generate(ImageRequest.of("a forbidden scene")));

            assertThat(blocked.getMessage()).contains("(" + reason + ")").doesNotContain("forbidden scene")
                    .doesNotContain("usage guidelines");
            assertThat(model.calls()).isEqualTo(1);
            assertThat(generator(context).generate(REQUEST).provider()).isEqualTo("vertex");
        });
    }

    @Test
    void imagensRefusalOfThePromptIsABadRequestOfThatRequestOnly() {
        ModelBehaviour imagen = model(IMAGEN).blockPromptsContaining("forbidden", Fault.PROMPT_BLOCKED);
        run(withTokens(), vertex(IMAGEN, "genai.retry.max-attempts=5"), context -> {
            GenerationRejectedException rejected = catchThrowableOfType(GenerationRejectedException.class,
                    () -> generator(context).generate(ImageRequest.of("a forbidden scene")));

            assertThat(rejected.httpStatus()).isEqualTo(400);
            assertThat(imagen.calls()).isEqualTo(1);
        });
    }

    @Test
    void aHangingModelCostsTheAttemptsTime() {
        model(GEMINI).hang(true);
        run(withTokens(), vertex(GEMINI, "genai.retry.max-attempts=1", "genai.providers.vertex.timeout=300ms"),
                context -> assertThat(catchThrowableOfType(GenerationUnavailableException.class,
                        () -> generator(context).generate(REQUEST)).attempts())
                        .extracting(Attempt::failure).containsExactly(FailureKind.TIMEOUT));
    }

    @Test
    void anAnswerOverTheSizeLimitIsMalformed() {
        model(IMAGEN).oversizedAnswer(3, true);
        run(withTokens(), vertex(IMAGEN, "genai.retry.max-attempts=1", "genai.http.max-response-size=1MB"),
                context -> assertThat(catchThrowableOfType(GenerationUnavailableException.class,
                        () -> generator(context).generate(REQUEST)).attempts())
                        .extracting(Attempt::failure).containsExactly(FailureKind.MALFORMED));
    }

    @Test
    void aTokenIsFetchedOnceAndAgainBeforeItExpires() {
        ModelBehaviour gemini = emulator().model(GEMINI).expectApiKeys(TOKEN + "-1", TOKEN + "-2");
        run(withTokens(), vertex(GEMINI), context -> {
            generator(context).generate(REQUEST);
            generator(context).generate(REQUEST);
            assertThat(tokens.calls()).isEqualTo(1);

            // 56 of its 60 minutes gone: within the 5-minute margin, still valid; this call sends whichever it has
            clock.advance(Duration.ofMinutes(56));
            generator(context).generate(REQUEST);
            await().atMost(Duration.ofSeconds(10)).until(() -> tokens.calls() == 2);

            // the first token has expired: the one fetched before is used, and none other is fetched
            clock.advance(Duration.ofMinutes(5));
            generator(context).generate(REQUEST);
            assertThat(gemini.recordedCalls().get(3).headers()).containsEntry("authorization",
                    "Bearer " + TOKEN + "-2");
            assertThat(tokens.calls()).isEqualTo(2);
        });
    }

    @Test
    void aRefusedTokenFailsItsCallAsAuthenticationAndTheNextCallFetchesANewOne() {
        ModelBehaviour gemini = emulator().model(GEMINI).expectApiKey(TOKEN + "-2");
        run(withTokens(), vertex(GEMINI, "genai.retry.max-attempts=5"), context -> {
            GenerationUnavailableException unavailable = catchThrowableOfType(GenerationUnavailableException.class,
                    () -> generator(context).generate(REQUEST));
            assertThat(unavailable.attempts()).extracting(Attempt::failure)
                    .containsExactly(FailureKind.AUTHENTICATION);

            generator(context).generate(REQUEST);

            assertThat(tokens.calls()).isEqualTo(2);
            assertThat(gemini.recordedCalls().get(1).headers()).containsEntry("authorization",
                    "Bearer " + TOKEN + "-2");
            assertThat(String.valueOf(unavailable) + unavailable.attempts() + unavailable.getCause())
                    .doesNotContain(TOKEN);
            assertThat(context.getBean(ImageProviderRegistry.class).provider("vertex").orElseThrow().toString())
                    .doesNotContain(TOKEN);
        });
    }

    @Test
    void aSourceThatFailsFailsTheCallAsAConnectionFailureWithoutItsMessage() {
        model(GEMINI);
        AccessTokenSource broken = () -> {
            throw new IllegalStateException("token endpoint said: " + TOKEN);
        };
        run(new ApplicationContextRunner().withBean("vertexTokens", AccessTokenSource.class, () -> broken),
                vertex(GEMINI, "genai.retry.max-attempts=1"), context -> {
                    GenerationUnavailableException unavailable = catchThrowableOfType(
                            GenerationUnavailableException.class, () -> generator(context).generate(REQUEST));

                    assertThat(unavailable.attempts()).extracting(Attempt::failure)
                            .containsExactly(FailureKind.CONNECTION);
                    assertThat(unavailable.getMessage() + unavailable.attempts()).doesNotContain(TOKEN);
                    assertThat(emulator().model(GEMINI).calls()).isZero();
                });
    }

    @Test
    void theTokenSourceOptionPicksABeanAmongSeveral() {
        ModelBehaviour gemini = model(GEMINI);
        run(withTokens().withBean("otherTokens", AccessTokenSource.class, () -> () -> AccessToken.of("other",
                clock.instant().plus(Duration.ofHours(1)))),
                vertex(GEMINI, "genai.providers.vertex.options.token-source=vertexTokens"), context -> {
                    generator(context).generate(REQUEST);

                    assertThat(gemini.recordedCalls().get(0).headers()).containsEntry("authorization",
                            "Bearer " + TOKEN + "-1");
                });
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"project", "location"})
    void aMissingOptionFailsStartUpNamingTheProperty(String option) {
        List<String> props = vertex(GEMINI);
        props.removeIf(line -> line.startsWith("genai.providers.vertex.options." + option + "="));
        startUpFailure(withTokens(), props,
                "genai.providers.vertex.options." + option + " is required for type vertex-ai");
    }

    @Test
    void aTokenSourceThatIsNoBeanFailsStartUpNamingTheProperty() {
        startUpFailure(withTokens(), vertex(GEMINI, "genai.providers.vertex.options.token-source=nothing"),
                "genai.providers.vertex.options.token-source: no bean named 'nothing'; the application's "
                        + "AccessTokenSource beans are [vertexTokens]");
    }

    @Test
    void severalTokenSourcesWithoutTheOptionFailStartUpNamingIt() {
        startUpFailure(withTokens().withBean("otherTokens", AccessTokenSource.class, () -> tokens), vertex(GEMINI),
                "genai.providers.vertex.options.token-source is required when the application has several "
                        + "AccessTokenSource beans");
    }

    @Test
    void withoutATokenSourceOrGooglesAuthLibraryStartUpFailsNamingTheProvider() {
        startUpFailure(new ApplicationContextRunner().withClassLoader(
                new FilteredClassLoader("com.google.auth")), vertex(GEMINI),
                "genai.providers.vertex: type vertex-ai needs OAuth 2 tokens: declare an AccessTokenSource bean");
    }

    @Test
    void anApiKeyFailsStartUpSinceTokensAreSentInstead() {
        startUpFailure(withTokens(), vertex(GEMINI, "genai.providers.vertex.api-key=" + API_KEY),
                "genai.providers.vertex.api-key: type vertex-ai sends OAuth 2 tokens, not keys");
    }

    @Test
    void aLocationThatCannotBeAHostNameFailsStartUp() {
        startUpFailure(withTokens(), vertex(GEMINI, "genai.providers.vertex.options.location=evil.com/x"),
                "genai.providers.vertex.options: location 'evil.com/x' is not a Vertex AI location");
    }

    private static void startUpFailure(ApplicationContextRunner runner, List<String> properties, String message) {
        runner.withConfiguration(AutoConfigurations.of(GenAiAutoConfiguration.class))
                .withPropertyValues(properties.toArray(String[]::new))
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining(message));
    }

    /** Tokens {@code TOKEN-1}, {@code TOKEN-2}, … each valid for an hour on the test's clock; counts its fetches. */
    static final class CountingTokens implements AccessTokenSource {

        private final Clock clock;
        private final AtomicInteger calls = new AtomicInteger();

        CountingTokens(Clock clock) {
            this.clock = clock;
        }

        @Override
        public AccessToken fetch() {
            int n = calls.incrementAndGet();
            return AccessToken.of(TOKEN + "-" + n, clock.instant().plus(Duration.ofHours(1)));
        }

        int calls() {
            return calls.get();
        }
    }
}
