package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OversizedAnswersTest {

    private static final String AZURE_DEPLOYMENT = "images-prod";

    private static final int MIB = 1024 * 1024;

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @ParameterizedTest(name = "{0}, with Content-Length: {1}")
    @CsvSource({"GEMINI, true", "GEMINI, false", "OPENAI, true", "OPENAI, false", "AZURE_OPENAI, true",
        "AZURE_OPENAI, false", "HUGGINGFACE, true", "HUGGINGFACE, false"})
    void anOversizedAnswerIsExactlyThatLargeInItsApisFormatAndHoldsTheImageFollowedByZeros(Api api,
            boolean withContentLength) throws Exception {
        ModelBehaviour model = emulator.model(modelOf(api)).oversizedAnswer(3, withContentLength);

        HttpResponse<byte[]> response = client.send(request(api));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(3 * MIB);
        assertThat(response.headers().firstValueAsLong("content-length"))
                .isEqualTo(withContentLength ? OptionalLong.of(3 * MIB) : OptionalLong.empty());
        assertThat(response.headers().firstValue("transfer-encoding").isPresent()).isEqualTo(!withContentLength);
        byte[] image = imageIn(api, response);
        assertThat(EmulatorClient.image(image)).as("decodable PNG").isNotNull();
        assertThat(image.length).isGreaterThan(2 * MIB);
        assertThat(image[image.length - 1]).isZero();
        assertThat(model.calls()).isEqualTo(1);
        assertThat(model.successes()).isZero();
        assertThat(model.bodyBytesSent()).isEqualTo(3L * MIB);
    }

    @Test
    void aCallerThatHangsUpOnAnOversizedAnswerIsCountedAndTheRestIsNeverSent() throws Exception {
        ModelBehaviour model = emulator.model(HF_MODEL).oversizedAnswer(512, false);

        HttpResponse<InputStream> response = client.stream(request(Api.HUGGINGFACE));
        try (InputStream body = response.body()) {
            assertThat(body.readNBytes(MIB)).hasSize(MIB);
        }

        awaitAbandoned(model);
        assertThat(model.bodyBytesSent()).isLessThan(128L * MIB);
    }

    @Test
    void zeroMegabytesAnswersImagesOfTheirNaturalSizeAgain() throws Exception {
        ModelBehaviour model = emulator.model(OPENAI_MODEL).oversizedAnswer(2, true).oversizedAnswer(0, true);

        HttpResponse<byte[]> response = client.send(request(Api.OPENAI));

        assertThat(response.body().length).isLessThan(64 * 1024);
        assertThat(EmulatorClient.image(imageIn(Api.OPENAI, response))).isNotNull();
        assertThat(model.successes()).isEqualTo(1);
    }

    private HttpRequest request(Api api) {
        return switch (api) {
            case GEMINI -> client.geminiRequest(GEMINI_MODEL, "k", "a red fox");
            case OPENAI -> client.openAiRequest(OPENAI_MODEL, "k", "a red fox");
            case AZURE_OPENAI -> client.azureOpenAiRequest(AZURE_DEPLOYMENT, "k", "a red fox");
            case HUGGINGFACE -> client.huggingFaceRequest(HF_MODEL, "k", "a red fox", false);
            case BFL, FAL, REPLICATE, STABILITY, VERTEX_AI ->
                    throw new IllegalArgumentException(api + " is not covered here");
        };
    }

    private static String modelOf(Api api) {
        return switch (api) {
            case GEMINI -> GEMINI_MODEL;
            case OPENAI -> OPENAI_MODEL;
            case AZURE_OPENAI -> AZURE_DEPLOYMENT;
            case HUGGINGFACE -> HF_MODEL;
            case BFL, FAL, REPLICATE, STABILITY, VERTEX_AI ->
                    throw new IllegalArgumentException(api + " is not covered here");
        };
    }

    private static byte[] imageIn(Api api, HttpResponse<byte[]> response) throws IOException {
        if (api == Api.HUGGINGFACE) {
            return response.body();
        }
        JsonNode json = EmulatorClient.json(response);
        String base64 = api == Api.GEMINI
                ? json.at("/candidates/0/content/parts/1/inlineData/data").asText()
                : json.at("/data/0/b64_json").asText();
        return Base64.getDecoder().decode(base64);
    }

    private static void awaitAbandoned(ModelBehaviour model) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (model.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(model.abandonedAnswers()).as("answers abandoned by their caller").isEqualTo(1);
    }
}
