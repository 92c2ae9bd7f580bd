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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operator's view of the sample, as the README's curl commands read it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthShowsTheGenaiComponentPerProviderAndChainOnceWarmUpHasLetTrafficIn() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 200);

        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode genai = JSON.readTree(response.body()).path("components").path("genai");
        assertThat(genai.path("status").asText()).isIn("UP", "DEGRADED");
        assertThat(genai.path("details").path("providers").path("gemini-pro").path("status").asText()).isNotEmpty();
        assertThat(genai.path("details").path("providers").path("card").path("status").asText()).isEqualTo("UP");
        assertThat(genai.path("details").path("chains").path("product-shots").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void theGenaiEndpointShowsChainsProvidersWarmUpAndTheLastCalls() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        http.send(HttpRequest.newBuilder(uri("/api/images")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a red bicycle\"}")).build(),
                HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> response = get("/actuator/genai");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.path("readiness").asText()).isEqualTo("ACCEPTING_TRAFFIC");
        assertThat(report.path("chains").path("product-shots").path("steps").get(0).asText())
                .isEqualTo("gemini-pro/2K");
        assertThat(report.path("providers").path("gemini-flash").path("warmup").path("state").asText())
                .isEqualTo("WARM");
        assertThat(report.path("providers").path("gemini-pro").path("window").path("attempts").asInt()).isPositive();
        assertThat(report.path("recentAttempts").isArray()).isTrue();
        assertThat(response.body()).doesNotContain("offline-demo-key").doesNotContain("a red bicycle");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
