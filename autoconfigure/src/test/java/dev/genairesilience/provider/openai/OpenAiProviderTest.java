package dev.genairesilience.provider.openai;

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
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.testkit.Api;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.ProviderEmulatorExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiProviderTest {

    @RegisterExtension
    static ProviderEmulatorExtension emulator = new ProviderEmulatorExtension();

    private static final String GPT_IMAGE = "gpt-image-1";

    private static ImageProvider provider(ProviderEmulator emulator, String model) {
        return provider(emulator, model, Map.of());
    }

    private static ImageProvider provider(ProviderEmulator emulator, String model, Map<String, String> options) {
        return new OpenAiProviderFactory().create(settings("openai", model, emulator.baseUrl(), false, options), HTTP);
    }

    private static JsonNode sentBody(ProviderEmulator emulator, String model) throws IOException {
        return new ObjectMapper().readTree(emulator.model(model).recordedCalls().get(0).body());
    }

    @Test
    void sendsOneImagesGenerationsCallWithBearerKeyAndGptImageFields(ProviderEmulator emulator) throws Exception {
        provider(emulator, GPT_IMAGE).generate(call(Resolution.ONE_K, "3:2"));

        assertThat(emulator.model(GPT_IMAGE).recordedCalls()).singleElement().satisfies(recorded -> {
            assertThat(recorded.api()).isEqualTo(Api.OPENAI);
            assertThat(recorded.path()).isEqualTo("/v1/images/generations");
            assertThat(recorded.header("Authorization")).isEqualTo("Bearer " + KEY);
        });
        JsonNode body = sentBody(emulator, GPT_IMAGE);
        assertThat(body.path("model").asText()).isEqualTo(GPT_IMAGE);
        assertThat(body.path("prompt").asText()).isEqualTo(PROMPT);
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("size").asText()).isEqualTo("1536x1024");
        assertThat(body.has("response_format")).isFalse();
    }

    @ParameterizedTest(name = "{0} at {1} asks for {2}")
    @CsvSource({
        "gpt-image-1, 1:1, 1024x1024", "gpt-image-1, 2:3, 1024x1536", "dall-e-3, 16:9, 1792x1024",
        "dall-e-3, 9:16, 1024x1792", "dall-e-3, 1:1, 1024x1024", "dall-e-2, 1:1, 1024x1024",
        "some-gateway-model, 3:2, 1536x1024" })
    void sizeFollowsTheModelAndAspectRatio(String model, String aspectRatio, String size, ProviderEmulator emulator)
            throws Exception {
        provider(emulator, model).generate(call(Resolution.ONE_K, aspectRatio));

        assertThat(sentBody(emulator, model).path("size").asText()).isEqualTo(size);
    }

    @Test
    void dallEModelsAreAskedForBase64(ProviderEmulator emulator) throws Exception {
        provider(emulator, "dall-e-3").generate(call(Resolution.ONE_K, "1:1"));

        assertThat(sentBody(emulator, "dall-e-3").path("response_format").asText()).isEqualTo("b64_json");
    }

    @Test
    void sizeForAnAspectRatioAddedThroughOptionsIsComputed(ProviderEmulator emulator) throws Exception {
        ImageProvider provider = provider(emulator, "gateway-model", Map.of("aspect-ratios", "16:9,1:1"));

        provider.generate(call(Resolution.ONE_K, "16:9"));

        assertThat(provider.capabilities().aspectRatios()).containsExactlyInAnyOrder("16:9", "1:1");
        assertThat(sentBody(emulator, "gateway-model").path("size").asText()).isEqualTo("1024x576");
    }

    @Test
    void capabilitiesFollowTheModel(ProviderEmulator emulator) {
        assertThat(provider(emulator, GPT_IMAGE).capabilities().aspectRatios())
                .containsExactlyInAnyOrder("1:1", "3:2", "2:3");
        assertThat(provider(emulator, "dall-e-3").capabilities().aspectRatios())
                .containsExactlyInAnyOrder("1:1", "16:9", "9:16");
        assertThat(provider(emulator, "dall-e-2").capabilities().aspectRatios()).containsExactly("1:1");
        assertThat(provider(emulator, "unknown-model").capabilities().resolutions()).containsExactly(Resolution.ONE_K);
    }

    @Test
    void successDecodesTheBase64Png(ProviderEmulator emulator) throws Exception {
        ProviderImage image = provider(emulator, GPT_IMAGE).generate(call(Resolution.ONE_K, "1:1"));

        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(png(image.bytes()).getHeight()).isPositive();
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource({
        "OVERLOADED, 503, OVERLOADED", "BAD_REQUEST, 400, BAD_REQUEST", "UNPROCESSABLE, 422, BAD_REQUEST",
        "UNAUTHORIZED, 401, AUTHENTICATION", "FORBIDDEN, 403, AUTHENTICATION", "NOT_FOUND, 404, MODEL_NOT_FOUND",
        "SERVER_ERROR, 500, SERVER_ERROR", "BAD_GATEWAY, 502, SERVER_ERROR", "GATEWAY_TIMEOUT, 504, SERVER_ERROR" })
    void eachFaultSurfacesAsProviderHttpExceptionOfTheRightKind(Fault fault, int status, FailureKind kind,
            ProviderEmulator emulator) {
        emulator.model(GPT_IMAGE).failNext(1, fault);

        Throwable error = catchThrowable(() -> provider(emulator, GPT_IMAGE).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(ProviderHttpException.class);
        assertThat(((ProviderHttpException) error).status()).isEqualTo(status);
        assertThat(classify(error).kind()).isEqualTo(kind);
        assertThat(emulator.model(GPT_IMAGE).calls()).isEqualTo(1);
    }

    @Test
    void rateLimitPrefersRetryAfterMsAsHint(ProviderEmulator emulator) {
        emulator.model(GPT_IMAGE).hint(Duration.ofMillis(2300)).failNext(1, Fault.RATE_LIMITED);

        Failure failure = classify(catchThrowable(
                () -> provider(emulator, GPT_IMAGE).generate(call(Resolution.ONE_K, "1:1"))));

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.serverWait()).isEqualTo(Duration.ofMillis(2300));
        assertThat(failure.message()).startsWith("Rate limit reached");
    }

    @Test
    void emptyDataIsMalformed(ProviderEmulator emulator) {
        emulator.model(GPT_IMAGE).failNext(1, Fault.MALFORMED);

        Throwable error = catchThrowable(() -> provider(emulator, GPT_IMAGE).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(MalformedResponseException.class).hasMessageContaining("data[]");
        assertThat(classify(error).kind()).isEqualTo(FailureKind.MALFORMED);
    }

    @ParameterizedTest(name = "{0} refusing {1} is content blocked by {2}")
    @CsvSource({
        "gpt-image-1, CONTENT_BLOCKED, moderation_blocked", "gpt-image-1, PROMPT_BLOCKED, moderation_blocked",
        "dall-e-3, CONTENT_BLOCKED, content_policy_violation", "dall-e-2, PROMPT_BLOCKED, content_policy_violation" })
    void moderationRefusalIsContentBlockedNamingItsCode(String model, Fault block, String code,
            ProviderEmulator emulator) {
        emulator.model(model).failNext(1, block);

        Throwable error = catchThrowable(() -> provider(emulator, model).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(ProviderHttpException.class);
        assertThat(classify(error)).extracting(Failure::kind, Failure::httpStatus, Failure::message)
                .containsExactly(FailureKind.CONTENT_BLOCKED, 400,
                        "the provider's content policy refused the prompt (" + code + ")");
    }

    @Test
    void droppedConnectionIsConnection(ProviderEmulator emulator) {
        emulator.model(GPT_IMAGE).failNext(1, Fault.DROP_CONNECTION);

        Throwable error = catchThrowable(() -> provider(emulator, GPT_IMAGE).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(IOException.class);
        assertThat(classify(error).kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(emulator.model(GPT_IMAGE).calls()).isEqualTo(1);
    }

    @Test
    void callLongerThanItsTimeoutIsTimeout(ProviderEmulator emulator) {
        emulator.model(GPT_IMAGE).latency(Duration.ofSeconds(3));

        Throwable error = catchThrowable(() -> provider(emulator, GPT_IMAGE).generate(call(Duration.ofMillis(300))));

        assertThat(classify(error).kind()).isEqualTo(FailureKind.TIMEOUT);
    }
}
