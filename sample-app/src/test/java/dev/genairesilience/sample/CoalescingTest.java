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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample started with {@code --genai.chains.product-shots.coalesce=true}, as the README shows. The twenty
 * answers must come from one shared generation: the same attempt trail, each marked shared, and no more calls than
 * that trail holds. How many calls that one generation needs is the emulator's bad hour (45% of the primary's calls
 * overloaded): with a new sequence at every start, about 9% of generations (0.45 cubed) need a fourth call, which is
 * why the sample's {@code application.yml} seeds it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = "--genai.chains.product-shots.coalesce=true")
class CoalescingTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHAIN_PROVIDERS = List.of("gemini-pro", "gemini-flash", "card");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twentyIdenticalConcurrentRequestsAllGetAPngFromAtMostThreeProviderCalls() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        openConnections();
        int before = chainCalls();

        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(uri("/api/images"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a red bicycle on a white floor\"}"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray()));
        }

        List<String> trails = new ArrayList<>();
        for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            HttpResponse<byte[]> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Arrays.copyOf(response.body(), 8)).isEqualTo(PNG_SIGNATURE);
            assertThat(response.headers().firstValue("X-GenAI-Shared")).hasValue("true");
            trails.add(response.headers().firstValue("X-GenAI-Attempts").orElseThrow());
        }
        int calls = chainCalls() - before;
        assertThat(Set.copyOf(trails)).as("the attempt trails of one shared generation").hasSize(1);
        int trailCalls = Integer.parseInt(trails.get(0).substring(0, trails.get(0).indexOf(';')));
        assertThat(calls).as("the calls, the shared trail being %s", trails.get(0)).isEqualTo(trailCalls)
                .isLessThanOrEqualTo(3);
    }

    /**
     * Opens the twenty connections the requests will use, so that they reach the app together rather than one
     * connection set-up after another (a warm client, as a browser or a load balancer keeps).
     */
    private void openConnections() throws Exception {
        List<CompletableFuture<HttpResponse<Void>>> opened = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            opened.add(http.sendAsync(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> connection : opened) {
            connection.get();
        }
    }

    /** The calls {@code /actuator/genai} counts for the chain's providers. */
    private int chainCalls() throws Exception {
        JsonNode providers = JSON.readTree(get("/actuator/genai").body()).path("providers");
        int calls = 0;
        for (String id : CHAIN_PROVIDERS) {
            calls += providers.path(id).path("window").path("attempts").asInt();
        }
        return calls;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
