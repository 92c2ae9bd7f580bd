package dev.genairesilience.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.testkit.ProviderEmulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acceptance 4 and 5: a caller's blocked prompt or impossible aspect ratio is the caller's problem, answered as
 * such ({@code 422}, {@code 400} naming the field) over a servlet application's own endpoint, and never counts
 * against a healthy provider's breaker.
 */
@DirtiesContext
@Import(ImagesController.class)
@SpringBootTest(classes = OperatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallerErrorsOverHttpTest {

    private static final String PRO = "gemini-3-pro-image-preview";
    private static final String FLASH = "gemini-2.5-flash-image";
    private static final String SDXL = "stabilityai/stable-diffusion-xl-base-1.0";
    private static final String KEY = "caller-errors-key-91b4";
    private static final String BLOCKED_PROMPT = "a forbidden scene";
    private static final ProviderEmulator EMULATOR = ProviderEmulator.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ProviderLanes lanes;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (String[] p : new String[][] {{"pro", "gemini", PRO}, {"flash", "gemini", FLASH},
                {"sdxl", "huggingface", SDXL}}) {
            EMULATOR.model(p[2]).expectApiKey(KEY);
            EmulatedProviderProperties.add(registry, EMULATOR, p[0], p[1], p[2], KEY, "5s");
        }
        EMULATOR.model(PRO).blockPromptsContaining("forbidden");
        registry.add("genai.chains.strict.providers", () -> "pro,flash");
        registry.add("genai.chains.lenient.providers", () -> "pro,flash");
        registry.add("genai.chains.lenient.on-content-blocked", () -> "next-provider");
        registry.add("genai.chains.diffusion.providers", () -> "sdxl");
        registry.add("genai.default-chain", () -> "strict");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    private int proCalls;
    private int flashCalls;
    private int sdxlCalls;

    @BeforeEach
    void countFromHere() {
        proCalls = EMULATOR.model(PRO).calls();
        flashCalls = EMULATOR.model(FLASH).calls();
        sdxlCalls = EMULATOR.model(SDXL).calls();
        lanes.lane("pro").breaker().reset();
        lanes.lane("sdxl").breaker().reset();
    }

    @Test
    void eightBlockedPromptsAnswer422AndLeaveTheProvidersBreakerClosed() throws Exception {
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> answer = post("strict", BLOCKED_PROMPT, null);

            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("field").asText()).isEqualTo("prompt");
            assertThat(problem.path("provider").asText()).isEqualTo("pro");
            assertThat(problem.path("detail").asText()).contains("content policy").contains("nothing was generated")
                    .doesNotContain(BLOCKED_PROMPT);
        }

        assertThat(EMULATOR.model(PRO).calls() - proCalls).as("one call per request, never retried").isEqualTo(8);
        assertThat(EMULATOR.model(FLASH).calls() - flashCalls).isZero();
        assertBreakerUntouched("pro", CircuitBreaker.State.CLOSED);
        assertThat(post("strict", "a red bicycle", null).statusCode()).as("other users still get pro")
                .isEqualTo(200);
    }

    @Test
    void withNextProviderEightBlockedPromptsAreServedByTheNextProvider() throws Exception {
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> answer = post("lenient", BLOCKED_PROMPT, null);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Provider")).hasValue("flash");
        }

        assertThat(EMULATOR.model(PRO).calls() - proCalls).isEqualTo(8);
        assertBreakerUntouched("pro", CircuitBreaker.State.CLOSED);
    }

    @ParameterizedTest(name = "aspectRatio {0}")
    @ValueSource(strings = {"0:1", "16:0", "16/9"})
    void anImpossibleAspectRatioAnswers400NamingItWithoutAnyProviderCall(String ratio) throws Exception {
        HttpResponse<String> answer = post("diffusion", "a red bicycle", ratio);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("field").asText()).isEqualTo("aspectRatio");
        assertThat(problem.path("detail").asText()).contains(ratio);
        assertThat(EMULATOR.model(SDXL).calls() - sdxlCalls).isZero();
        assertThat(lanes.lane("sdxl").breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    private void assertBreakerUntouched(String id, CircuitBreaker.State state) {
        CircuitBreaker breaker = lanes.lane(id).breaker();
        assertThat(breaker.getState()).isEqualTo(state);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private HttpResponse<String> post(String chain, String prompt, String aspectRatio)
            throws IOException, InterruptedException {
        String query = "chain=" + chain + "&prompt=" + URLEncoder.encode(prompt, StandardCharsets.UTF_8)
                + (aspectRatio == null ? "" : "&aspectRatio=" + URLEncoder.encode(aspectRatio, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/images?" + query))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
