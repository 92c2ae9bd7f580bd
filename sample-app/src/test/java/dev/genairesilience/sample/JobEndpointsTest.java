package dev.genairesilience.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The off-peak queue over HTTP, with a window that includes now, as the README starts the sample. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "genai.batch.window=always", "genai.batch.poll-interval=200ms",
            "sample.emulator.latency=0ms" })
class JobEndpointsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSubmittedJobIsAcceptedThenSucceedsAndItsImageIsThePng() throws Exception {
        HttpResponse<String> accepted = post("{\"prompt\":\"a blue teapot\",\"aspectRatio\":\"16:9\"}");

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode job = JSON.readTree(accepted.body());
        String id = job.get("id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/jobs/" + id);
        assertThat(job.get("state").asText()).isEqualTo("QUEUED");
        assertThat(Instant.parse(job.get("estimatedCompletion").asText())).isAfter(Instant.now().minusSeconds(60));

        String location = accepted.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> JSON.readTree(get(location).body()).get("state").asText().equals("SUCCEEDED"));

        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(uri(location + "/image")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Arrays.copyOf(image.body(), 8)).isEqualTo(PNG_SIGNATURE);
    }

    @Test
    void anInvalidJobIsRefusedAtOnceNamingTheField() throws Exception {
        HttpResponse<String> resolution = post("{\"prompt\":\"a blue teapot\",\"resolution\":\"5K\"}");
        HttpResponse<String> prompt = post("{\"prompt\":\"\"}");

        assertThat(resolution.statusCode()).isEqualTo(400);
        assertThat(resolution.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(resolution.body()).contains("resolution");
        assertThat(prompt.statusCode()).isEqualTo(400);
        assertThat(prompt.body()).contains("prompt");
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        assertThat(get("/api/jobs/no-such-job").statusCode()).isEqualTo(404);
        assertThat(get("/api/jobs/no-such-job/image").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
