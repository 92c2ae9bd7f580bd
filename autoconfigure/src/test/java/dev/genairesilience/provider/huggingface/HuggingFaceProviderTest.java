package dev.genairesilience.provider.huggingface;

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
import dev.genairesilience.testkit.RecordedCall;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HuggingFaceProviderTest {

    @RegisterExtension
    static ProviderEmulatorExtension emulator = new ProviderEmulatorExtension();

    private static final String SDXL = "stabilityai/stable-diffusion-xl-base-1.0";

    private static ImageProvider provider(ProviderEmulator emulator, boolean waitForModel, Map<String, String> options) {
        return new HuggingFaceProviderFactory().create(
                settings("huggingface", SDXL, emulator.baseUrl(), waitForModel, options), HTTP);
    }

    private static ImageProvider provider(ProviderEmulator emulator) {
        return provider(emulator, false, Map.of());
    }

    @Test
    void sendsOneCallWithBearerKeyPromptAndPixelSize(ProviderEmulator emulator) throws Exception {
        provider(emulator).generate(call(Resolution.ONE_K, "16:9"));

        RecordedCall recorded = emulator.model(SDXL).recordedCalls().get(0);
        assertThat(recorded.api()).isEqualTo(Api.HUGGINGFACE);
        assertThat(recorded.path()).isEqualTo("/models/" + SDXL);
        assertThat(recorded.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(recorded.header("Accept")).isEqualTo("image/png");
        assertThat(recorded.header("x-wait-for-model")).isNull();
        JsonNode body = new ObjectMapper().readTree(recorded.body());
        assertThat(body.path("inputs").asText()).isEqualTo(PROMPT);
        assertThat(body.at("/parameters/width").asInt()).isEqualTo(1024);
        assertThat(body.at("/parameters/height").asInt()).isEqualTo(576);
    }

    @ParameterizedTest(name = "{0} at {1} is {2}x{3}")
    @CsvSource({ "1K, 1:1, 1024, 1024", "1K, 2:3, 680, 1024", "2K, 3:2, 2048, 1368", "2K, 9:16, 1152, 2048" })
    void pixelSizeIsTheLongSideByTheRatioInMultiplesOfEight(String resolution, String ratio, int width, int height,
            ProviderEmulator emulator) throws Exception {
        provider(emulator, false, Map.of("resolutions", "1K,2K")).generate(call(Resolution.parse(resolution), ratio));

        JsonNode body = new ObjectMapper().readTree(emulator.model(SDXL).recordedCalls().get(0).body());
        assertThat(body.at("/parameters/width").asInt()).isEqualTo(width);
        assertThat(body.at("/parameters/height").asInt()).isEqualTo(height);
    }

    @Test
    void capabilitiesAre1KAndAnyAspectRatioUnlessOptionsSayMore(ProviderEmulator emulator) {
        assertThat(provider(emulator).capabilities().resolutions()).containsExactly(Resolution.ONE_K);
        assertThat(provider(emulator).capabilities().supports(Resolution.ONE_K, "7:5")).isTrue();
        assertThat(provider(emulator, false, Map.of("resolutions", "1K,2K")).capabilities().resolutions())
                .containsExactlyInAnyOrder(Resolution.ONE_K, Resolution.TWO_K);
    }

    @Test
    void successReturnsTheRawPng(ProviderEmulator emulator) throws Exception {
        ProviderImage image = provider(emulator).generate(call(Resolution.ONE_K, "1:1"));

        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(png(image.bytes()).getWidth()).isPositive();
    }

    @Test
    void coldModelIsModelLoadingWithTheEstimatedTime(ProviderEmulator emulator) {
        emulator.model(SDXL).coldStart(Duration.ofMillis(20_500), Duration.ofMinutes(5));

        Throwable error = catchThrowable(() -> provider(emulator).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(ProviderHttpException.class);
        Failure failure = classify(error);
        assertThat(failure.kind()).isEqualTo(FailureKind.MODEL_LOADING);
        assertThat(failure.serverWait()).isEqualTo(Duration.ofMillis(20_500));
        assertThat(failure.message()).contains("currently loading");
    }

    @Test
    void waitForModelSendsTheHeaderAndWaitsOutTheColdStart(ProviderEmulator emulator) throws Exception {
        emulator.model(SDXL).coldStart(Duration.ofSeconds(20), Duration.ofMillis(300));

        ProviderImage image = provider(emulator, true, Map.of()).generate(call(Resolution.ONE_K, "1:1"));

        assertThat(png(image.bytes())).isNotNull();
        assertThat(emulator.model(SDXL).recordedCalls().get(0).header("x-wait-for-model")).isEqualTo("true");
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource({
        "OVERLOADED, 503, OVERLOADED", "BAD_REQUEST, 400, BAD_REQUEST", "UNPROCESSABLE, 422, BAD_REQUEST",
        "UNAUTHORIZED, 401, AUTHENTICATION", "FORBIDDEN, 403, AUTHENTICATION", "NOT_FOUND, 404, MODEL_NOT_FOUND",
        "SERVER_ERROR, 500, SERVER_ERROR", "BAD_GATEWAY, 502, SERVER_ERROR", "GATEWAY_TIMEOUT, 504, SERVER_ERROR",
        "RATE_LIMITED, 429, RATE_LIMITED" })
    void eachFaultSurfacesAsProviderHttpExceptionOfTheRightKind(Fault fault, int status, FailureKind kind,
            ProviderEmulator emulator) {
        emulator.model(SDXL).failNext(1, fault);

        Throwable error = catchThrowable(() -> provider(emulator).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(ProviderHttpException.class);
        assertThat(((ProviderHttpException) error).status()).isEqualTo(status);
        assertThat(classify(error).kind()).isEqualTo(kind);
    }

    @Test
    void rateLimitWithRetryAfterAsHttpDateGivesTheWaitUntilThen(ProviderEmulator emulator) {
        emulator.model(SDXL).hint(Duration.ofSeconds(5)).retryAfterAsHttpDate(true).failNext(1, Fault.RATE_LIMITED);

        Failure failure = classify(catchThrowable(() -> provider(emulator).generate(call(Resolution.ONE_K, "1:1"))));

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.serverWait()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(7));
    }

    @Test
    void jsonInsteadOfAnImageIsMalformed(ProviderEmulator emulator) {
        emulator.model(SDXL).failNext(1, Fault.MALFORMED);

        Throwable error = catchThrowable(() -> provider(emulator).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(MalformedResponseException.class).hasMessageContaining("application/json");
        assertThat(classify(error)).extracting(Failure::kind, Failure::httpStatus)
                .containsExactly(FailureKind.MALFORMED, 200);
    }

    @Test
    void aBlockedImageIsTheSafetyCheckersBlackPngWhichIsDeliveredAsAnImage(ProviderEmulator emulator)
            throws Exception {
        emulator.model(SDXL).failNext(1, Fault.CONTENT_BLOCKED);

        ProviderImage image = provider(emulator).generate(call(Resolution.ONE_K, "1:1"));

        BufferedImage png = png(image.bytes());
        assertThat(png.getRGB(0, 0) & 0xFFFFFF).isZero();
        assertThat(png.getRGB(png.getWidth() - 1, png.getHeight() - 1) & 0xFFFFFF).isZero();
    }

    @Test
    void droppedConnectionIsConnection(ProviderEmulator emulator) {
        emulator.model(SDXL).failNext(1, Fault.DROP_CONNECTION);

        Throwable error = catchThrowable(() -> provider(emulator).generate(call(Resolution.ONE_K, "1:1")));

        assertThat(error).isInstanceOf(IOException.class);
        assertThat(classify(error).kind()).isEqualTo(FailureKind.CONNECTION);
        assertThat(emulator.model(SDXL).calls()).isEqualTo(1);
    }

    @Test
    void callLongerThanItsTimeoutIsTimeout(ProviderEmulator emulator) {
        emulator.model(SDXL).latency(Duration.ofSeconds(3));

        Throwable error = catchThrowable(() -> provider(emulator).generate(call(Duration.ofMillis(300))));

        assertThat(classify(error).kind()).isEqualTo(FailureKind.TIMEOUT);
    }
}
