package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every image the emulator answers is of the pixel size its call asked for: a 4K image is 4K. */
class ImageSizeTest {

    private static final String PRO = "gemini-3-pro-image-preview";
    /** genai.http.max-response-size, the engine's default cap on an answer. */
    private static final int MAX_RESPONSE_SIZE = 64 * 1024 * 1024;

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @ParameterizedTest
    @CsvSource({"4K, 1:1, 4096, 4096", "4K, 16:9, 4096, 2304", "2K, 9:16, 1152, 2048", "1K, 4:3, 1024, 768",
            "2K, , 2048, 2048", ", , 1024, 1024"})
    void geminiDrawsTheLongSideOfItsImageSizeInTheShapeOfItsAspectRatio(String imageSize, String ratio, int width,
            int height) throws Exception {
        HttpResponse<byte[]> response = client.send(client.geminiRequest(PRO, "k", "a red fox", imageSize, ratio));

        assertThat(response.statusCode()).isEqualTo(200);
        BufferedImage image = EmulatorClient.image(geminiImage(response));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    @Test
    void aFourKAnswerIsAFewKilobytesFarUnderTheEnginesCap() throws Exception {
        HttpResponse<byte[]> response = client.send(client.geminiRequest(PRO, "k", "a red fox", "4K", "1:1"));

        assertThat(response.body().length).isLessThan(1024 * 1024).isLessThan(MAX_RESPONSE_SIZE);
        assertThat(EmulatorClient.image(geminiImage(response)).getWidth()).isEqualTo(4096);
    }

    @Test
    void anAspectRatioGeminiCannotReadIsRefusedAsAnInvalidArgument() throws Exception {
        HttpResponse<byte[]> response = client.send(client.geminiRequest(PRO, "k", "p", "1K", "16/9"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EmulatorClient.json(response).path("error").path("message").asText()).contains("aspect_ratio");
    }

    @ParameterizedTest
    @CsvSource({"4096x4096, 4096, 4096", "1536x1024, 1536, 1024", "auto, 1024, 1024"})
    void openAiDrawsItsSize(String size, int width, int height) throws Exception {
        HttpResponse<byte[]> response = client.send(client.openAiRequest(OPENAI_MODEL, "k", "a red fox", size));

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] png = Base64.getDecoder().decode(EmulatorClient.json(response).at("/data/0/b64_json").asText());
        BufferedImage image = EmulatorClient.image(png);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }

    @Test
    void aSizeOverTheLargestSideIsRefused() throws Exception {
        HttpResponse<byte[]> openAi = client.send(client.openAiRequest(OPENAI_MODEL, "k", "p", "9000x9000"));
        HttpResponse<byte[]> huggingFace = client.send(client.huggingFaceRequest(HF_MODEL, "k", "p", false, 9000, 64));

        assertThat(openAi.statusCode()).isEqualTo(400);
        assertThat(huggingFace.statusCode()).isEqualTo(400);
        assertThat(emulator.model(OPENAI_MODEL).successes()).isZero();
    }

    @Test
    void huggingFaceDrawsItsWidthAndHeight() throws Exception {
        HttpResponse<byte[]> response = client.send(client.huggingFaceRequest(HF_MODEL, "k", "p", false, 1152, 2048));

        BufferedImage image = EmulatorClient.image(response.body());
        assertThat(image.getWidth()).isEqualTo(1152);
        assertThat(image.getHeight()).isEqualTo(2048);
        assertThat(emulator.model(HF_MODEL).recordedCalls().get(0).resolution()).isEqualTo("2K");
    }

    private static byte[] geminiImage(HttpResponse<byte[]> response) throws Exception {
        JsonNode inline = EmulatorClient.json(response).at("/candidates/0/content/parts/1/inlineData/data");
        return Base64.getDecoder().decode(inline.asText());
    }
}
