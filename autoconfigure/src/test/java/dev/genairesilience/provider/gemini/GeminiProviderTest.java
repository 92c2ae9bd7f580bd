package dev.genairesilience.provider.gemini;

import static dev.genairesilience.provider.ProviderTestSupport.HTTP;
import static dev.genairesilience.provider.ProviderTestSupport.KEY;
import static dev.genairesilience.provider.ProviderTestSupport.PROMPT;
import static dev.genairesilience.provider.ProviderTestSupport.call;
import static dev.genairesilience.provider.ProviderTestSupport.classify;
import static dev.genairesilience.provider.ProviderTestSupport.png;
import static dev.genairesilience.provider.ProviderTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.Resolution;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.testkit.Api;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.ProviderEmulatorExtension;
import dev.genairesilience.testkit.RecordedCall;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiProviderTest {

    @RegisterExtension
    static ProviderEmulatorExtension emulator = new ProviderEmulatorExtension();

    private static final String PRO = "gemini-3-pro-image-preview";
    private static final String FLASH = "gemini-2.5-flash-image";

    private static ImageProvider provider(ProviderEmulator emulator, String model) {
        return new GeminiProviderFactory().create(settings("gemini", model, emulator.baseUrl()), HTTP);
    }

    private static JsonNode body(RecordedCall call) throws IOException {
        return new ObjectMapper().readTree(call.body());
    }

    @Test
    void sendsOneGenerateContentCallWithKeyPromptAspectRatioAndSize(ProviderEmulator emulator) throws Exception {
        provider(emulator, PRO).generate(call(Resolution.FOUR_K, "16:9"));

        assertThat(emulator.model(PRO).recordedCalls()).singleElement().satisfies(recorded -> {
            assertThat(recorded.api()).isEqualTo(Api.GEMINI);
            assertThat(recorded.path()).isEqualTo("/v1beta/models/" + PRO + ":generateContent");
            assertThat(recorded.header("x-goog-api-key")).isEqualTo(KEY);
            JsonNode body = body(recorded);
            assertThat(body.at("/contents/0/parts/0/text").asText()).isEqualTo(PROMPT);
            assertThat(body.at("/generationConfig/responseModalities").toString()).isEqualTo("[\"TEXT\",\"IMAGE\"]");
            assertThat(body.at("/generationConfig/imageConfig/aspectRatio").asText()).isEqualTo("16:9");
            assertThat(body.at("/generationConfig/imageConfig/imageSize").asText()).isEqualTo("4K");
        });
    }

    @Test
    void modelWithOneSizeGetsNoImageSize(ProviderEmulator emulator) throws Exception {
        provider(emulator, FLASH).generate(call(Resolution.ONE_K, "3:4"));

        JsonNode imageConfig = body(emulator.model(FLASH).recordedCalls().get(0)).at("/generationConfig/imageConfig");
        assertThat(imageConfig.has("imageSize")).isFalse();
        assertThat(imageConfig.path("aspectRatio").asText()).isEqualTo("3:4");
    }

    @Test
    void successDecodesTheInlinePng(ProviderEmulator emulator) throws Exception {
        ProviderImage image = provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1"));

        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(png(image.bytes()).getWidth()).isPositive();
        assertThat(emulator.model(PRO).successes()).isEqualTo(1);
    }

    @Test
    void capabilitiesFollowTheModelAndTheOptions(ProviderEmulator emulator) {
        assertThat(provider(emulator, PRO).capabilities().resolutions())
                .containsExactlyInAnyOrder(Resolution.ONE_K, Resolution.TWO_K, Resolution.FOUR_K);
        assertThat(provider(emulator, FLASH).capabilities().resolutions()).containsExactly(Resolution.ONE_K);
        assertThat(provider(emulator, FLASH).capabilities().aspectRatios())
                .containsExactlyInAnyOrder("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9");

        ImageProvider overridden = new GeminiProviderFactory().create(settings("gemini", FLASH, emulator.baseUrl(),
                false, Map.of("resolutions", "1K,2K", "aspect-ratios", "1:1")), HTTP);
        assertThat(overridden.capabilities().resolutions()).containsExactlyInAnyOrder(Resolution.ONE_K, Resolution.TWO_K);
        assertThat(overridden.capabilities().aspectRatios()).containsExactly("1:1");
        assertThat(overridden.capabilities().alwaysDegraded()).isFalse();
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource({
        "OVERLOADED, 503, OVERLOADED", "BAD_REQUEST, 400, BAD_REQUEST", "UNPROCESSABLE, 422, BAD_REQUEST",
        "UNAUTHORIZED, 401, AUTHENTICATION", "FORBIDDEN, 403, AUTHENTICATION", "NOT_FOUND, 404, MODEL_NOT_FOUND",
        "SERVER_ERROR, 500, SERVER_ERROR", "BAD_GATEWAY, 502, SERVER_ERROR", "GATEWAY_TIMEOUT, 504, TIMEOUT" })
    void eachFaultSurfacesAsProviderHttpExceptionOfTheRightKind(Fault fault, int status, FailureKind kind,
            ProviderEmulator emulator) {
        emulator.model(PRO).failNext(1, fault);

        Throwable error = catchThrowable(() -> provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(ProviderHttpException.class);
        assertThat(((ProviderHttpException) error).status()).isEqualTo(status);
        assertThat(classify(error).kind()).isEqualTo(kind);
        assertThat(emulator.model(PRO).calls()).isEqualTo(1);
    }

    @Test
    void rateLimitCarriesTheRetryDelayAsHint(ProviderEmulator emulator) {
        emulator.model(PRO).hint(Duration.ofMillis(1500)).failNext(1, Fault.RATE_LIMITED);

        Failure failure = classify(catchThrowable(() -> provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1"))));

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.serverWait()).isEqualTo(Duration.ofMillis(1500));
        assertThat(failure.message()).contains("quota");
    }

    @Test
    void wrongKeyIsAuthentication(ProviderEmulator emulator) {
        emulator.model(PRO).expectApiKey("another-key");

        Failure failure = classify(catchThrowable(() -> provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1"))));

        assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION);
    }

    @Test
    void answerWithoutImageIsMalformed(ProviderEmulator emulator) {
        emulator.model(PRO).failNext(1, Fault.MALFORMED);

        Throwable error = catchThrowable(() -> provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(MalformedResponseException.class).hasMessageContaining("inlineData");
        assertThat(classify(error)).extracting(Failure::kind, Failure::httpStatus)
                .containsExactly(FailureKind.MALFORMED, 200);
    }

    @Test
    void imageStoppedBySafetyIsContentBlockedWithTheFinishReason(ProviderEmulator emulator) {
        emulator.model(PRO).failNext(1, Fault.CONTENT_BLOCKED);

        Throwable error = catchThrowable(() -> provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(ContentBlockedException.class);
        assertThat(((ContentBlockedException) error).reason()).isEqualTo("IMAGE_SAFETY");
        assertThat(classify(error)).extracting(Failure::kind, Failure::httpStatus, Failure::message)
                .containsExactly(FailureKind.CONTENT_BLOCKED, 200,
                        "the provider's content policy refused the prompt (IMAGE_SAFETY)");
    }

    @Test
    void promptBlockedByFeedbackIsContentBlockedWithTheBlockReason(ProviderEmulator emulator) {
        emulator.model(PRO).failNext(1, Fault.PROMPT_BLOCKED);

        Throwable error = catchThrowable(() -> provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(ContentBlockedException.class);
        assertThat(((ContentBlockedException) error).reason()).isEqualTo("SAFETY");
        assertThat(classify(error)).extracting(Failure::kind, Failure::httpStatus)
                .containsExactly(FailureKind.CONTENT_BLOCKED, 200);
    }

    @Test
    void aModelBlockingOnePromptStillServesOthers(ProviderEmulator emulator) throws Exception {
        emulator.model(PRO).blockPromptsContaining("lighthouse");
        ImageProvider provider = provider(emulator, PRO);

        Throwable blocked = catchThrowable(() -> provider.generate(call(Resolution.ONE_K, "1:1")));
        ProviderImage served = provider.generate(new GenerationCall("a harbour at dawn", Resolution.ONE_K, "1:1",
                Duration.ofSeconds(10)));

        assertThat(classify(blocked).kind()).isEqualTo(FailureKind.CONTENT_BLOCKED);
        assertThat(png(served.bytes()).getWidth()).isPositive();
    }

    @Test
    void droppedConnectionIsConnection(ProviderEmulator emulator) {
        emulator.model(PRO).failNext(1, Fault.DROP_CONNECTION);

        Throwable error = catchThrowable(() -> provider(emulator, PRO).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(IOException.class);
        assertThat(classify(error).kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(emulator.model(PRO).calls()).isEqualTo(1);
    }

    @Test
    void callLongerThanItsTimeoutIsTimeout(ProviderEmulator emulator) {
        emulator.model(PRO).latency(Duration.ofSeconds(3));
        long start = System.nanoTime();

        Throwable error = catchThrowable(() -> provider(emulator, PRO).generate(call(Duration.ofMillis(300))));

        assertThat(classify(error).kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
