package dev.genairesilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.Resolution;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Fifty calls one after the other: the emulator answers at once, so that the fifty take no time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.emulator.latency=0ms")
class SampleApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fiftyCallsAgainstTheOverloadedPrimaryAllReturnPngsWithProvenanceAndSomeShowRetriesOrFallback()
            throws Exception {
        int showingRetryOrFallback = 0;
        for (int i = 0; i < 50; i++) {
            HttpResponse<byte[]> response = post("/api/images", "{\"prompt\":\"a red bicycle\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(Arrays.copyOf(response.body(), 8)).isEqualTo(PNG_SIGNATURE);
            for (String header : new String[] {"Provider", "Model", "Resolution", "Degraded", "Attempts", "Skipped"}) {
                assertThat(response.headers().firstValue("X-GenAI-" + header)).as(header).isPresent();
            }
            String attempts = response.headers().firstValue("X-GenAI-Attempts").orElseThrow();
            if (!attempts.startsWith("1;") || response.headers().firstValue("X-GenAI-Degraded").orElseThrow()
                    .equals("true")) {
                showingRetryOrFallback++;
            }
        }
        assertThat(showingRetryOrFallback).isPositive();
    }

    @Test
    void theGenerationsEndpointAnswersTheImageAndItsProvenanceAsJsonWithoutThePrompt() throws Exception {
        HttpResponse<byte[]> response = post("/api/generations", "{\"prompt\":\"a red bicycle\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        byte[] png = Base64.getDecoder().decode(body.path("base64").asText());
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth())
                .isEqualTo(Resolution.parse(body.path("resolution").asText()).longSide());
        assertThat(body.path("askedResolution").asText()).isEqualTo("2K");
        JsonNode attempts = body.path("attempts");
        JsonNode last = attempts.get(attempts.size() - 1);
        assertThat(last.path("outcome").asText()).isEqualTo("OK");
        assertThat(last.path("provider").asText()).isEqualTo(body.path("provider").asText());
        assertThat(body.path("degradedBecause").isEmpty()).isEqualTo(!body.path("degraded").asBoolean());
        assertThat(new String(response.body())).doesNotContain("a red bicycle").doesNotContain("offline-demo-key");
    }

    @Test
    void theActivityEndpointCountsTheCallsPerProvider() throws Exception {
        post("/api/images", "{\"prompt\":\"a red bicycle\"}");

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/api/activity")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode pro = JSON.readTree(response.body()).path("providers").path("gemini-pro");
        int calls = 0;
        for (JsonNode bucket : pro) {
            calls += bucket.path("success").asInt() + bucket.path("overload").asInt()
                    + bucket.path("rateLimited").asInt() + bucket.path("other").asInt();
        }
        assertThat(pro.size()).isEqualTo(30);
        assertThat(calls).isPositive();
    }

    @Test
    void anUnknownResolutionIsRejectedWithProblemJsonNamingTheField() throws Exception {
        HttpResponse<byte[]> response = post("/api/images", "{\"prompt\":\"a red bicycle\",\"resolution\":\"5K\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(response.body())).contains("resolution");
    }

    @Test
    void theIndexPageIsServed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/images");
    }

    private HttpResponse<byte[]> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
