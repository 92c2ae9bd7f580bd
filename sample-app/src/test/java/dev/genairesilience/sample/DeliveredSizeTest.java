package dev.genairesilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With a healthy primary, an image asked at 4K is 4K: the emulator draws the pixels the provenance claims. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sample.emulator.latency=0ms", "sample.emulator.primary-overload-rate=0"})
class DeliveredSizeTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({"4K, 1:1, 4096, 4096", "4K, 16:9, 4096, 2304", "2K, 9:16, 1152, 2048", "1K, 1:1, 1024, 1024"})
    void theImageHasThePixelsOfTheResolutionAndAspectRatioItClaims(String resolution, String ratio, int width,
            int height) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/images")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"a red bicycle\",\"resolution\":\"" + resolution + "\",\"aspectRatio\":\""
                                + ratio + "\"}")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-GenAI-Provider")).hasValue("gemini-pro");
        assertThat(response.headers().firstValue("X-GenAI-Resolution")).hasValue(resolution);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }
}
