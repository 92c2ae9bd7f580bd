package dev.genairesilience.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ProviderEmulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acceptance 3: after traffic with retries, a spent retry budget, a degradation, a fallback and a last resort,
 * {@code /actuator/genai} and {@code /actuator/prometheus} show the documented figures; and no Actuator response and
 * no log line of the run holds a configured key or a prompt.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@AutoConfigureObservability
@SpringBootTest(classes = OperatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorViewTest {

    private static final String PRO = "gemini-3-pro-image-preview";
    private static final String FLASH = "gemini-2.5-flash-image";
    private static final String GPT = "gpt-image-1";
    private static final String GEMINI_KEY = "AIza-operator-view-key-4f1e9";
    private static final String OPENAI_KEY = "sk-operator-view-key-8a2b7";
    private static final List<String> PROMPTS = List.of("prompt-marker-lighthouse-61", "prompt-marker-harbour-62",
            "prompt-marker-poster-63", "prompt-marker-card-64");
    private static final ProviderEmulator EMULATOR = ProviderEmulator.start();

    @LocalServerPort
    int port;

    @Autowired
    ImageGenerator generator;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        provider(registry, "pro", "gemini", PRO, GEMINI_KEY);
        provider(registry, "flash", "gemini", FLASH, GEMINI_KEY);
        provider(registry, "gpt", "openai", GPT, OPENAI_KEY);
        registry.add("genai.providers.gpt.probe-interval", () -> "200ms");
        registry.add("genai.providers.card.type", () -> "local");
        registry.add("genai.chains.shots.providers", () -> "pro,flash");
        registry.add("genai.chains.shots.resolution", () -> "2K");
        registry.add("genai.chains.shots.degrade", () -> "1K");
        registry.add("genai.chains.shots.last-resort", () -> "card");
        registry.add("genai.chains.posters.providers", () -> "gpt");
        registry.add("genai.warmup.providers", () -> "flash");
        registry.add("genai.retry.max-attempts", () -> "3");
        registry.add("genai.retry.initial-interval", () -> "10ms");
        registry.add("genai.retry.max-interval", () -> "20ms");
        registry.add("genai.retry.budget.ratio", () -> "0");
        registry.add("genai.retry.budget.min-retries", () -> "1");
        registry.add("genai.retry.budget.window", () -> "1h");
        // judged from its fifth call, so that the short script below opens it
        registry.add("resilience4j.circuitbreaker.instances.pro.sliding-window-size", () -> "20");
        registry.add("resilience4j.circuitbreaker.instances.pro.minimum-number-of-calls", () -> "5");
        registry.add("management.endpoints.web.exposure.include", () -> "*");
        // a heap dump holds every string of the JVM, keys included: it is the operator's own memory, not a report
        registry.add("management.endpoints.web.exposure.exclude", () -> "heapdump");
    }

    private static void provider(DynamicPropertyRegistry registry, String id, String type, String model, String key) {
        EMULATOR.model(model).expectApiKey(key);
        EmulatedProviderProperties.add(registry, EMULATOR, id, type, model, key, "5s");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void theEndpointAndPrometheusShowTheFiguresAndNoResponseOrLogLineHoldsAKeyOrAPrompt(CapturedOutput output) {
        ActuatorClient actuator = new ActuatorClient(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> actuator.get("/actuator/health/readiness").statusCode()
                == 200);
        traffic();
        // gpt's free probe runs every 200 ms beside the traffic; on a loaded machine the first may still be due
        await().atMost(Duration.ofSeconds(20)).until(() -> actuator.json("/actuator/genai").path("providers")
                .path("gpt").path("probe").path("passed").asBoolean());

        JsonNode genai = actuator.json("/actuator/genai");
        assertThat(genai.path("readiness").asText()).isEqualTo("ACCEPTING_TRAFFIC");
        JsonNode shots = genai.path("chains").path("shots");
        assertThat(shots.path("steps")).extracting(JsonNode::asText).containsExactly("pro/2K", "pro/1K", "flash/1K");
        assertThat(shots.path("lastResort").asText()).isEqualTo("card");
        JsonNode pro = genai.path("providers").path("pro");
        assertThat(pro.path("status").asText()).isEqualTo("DOWN");
        assertThat(pro.path("breaker").path("state").asText()).isEqualTo("OPEN");
        assertThat(pro.path("breaker").path("failedCalls").asInt()).isEqualTo(4);
        assertThat(pro.path("window").path("attempts").asInt()).isEqualTo(5);
        assertThat(pro.path("window").path("successRate").asDouble()).isEqualTo(0.2);
        assertThat(pro.path("window").path("p50Ms").isNumber()).isTrue();
        assertThat(pro.path("byResolution").path("2K").path("successRate").asDouble()).isZero();
        assertThat(pro.path("byResolution").path("1K").path("attempts").asInt()).isEqualTo(2);
        JsonNode flash = genai.path("providers").path("flash");
        assertThat(flash.path("warmup").path("state").asText()).isEqualTo("WARM");
        assertThat(flash.path("window").path("attempts").asInt()).isEqualTo(3);
        assertThat(genai.path("providers").path("gpt").path("probe").path("passed").asBoolean()).isTrue();
        assertThat(genai.path("providers").path("card").path("model").asText()).isEqualTo("card");
        assertThat(genai.path("retryBudgets").path("pro").path("refusals").asInt()).isEqualTo(3);
        assertThat(genai.path("recentAttempts").get(0).path("provider").asText()).isEqualTo("card");
        assertThat(genai.path("recentAttempts")).anySatisfy(a -> {
            assertThat(a.path("outcome").asText()).isEqualTo("OVERLOADED");
            assertThat(a.path("httpStatus").asInt()).isEqualTo(503);
        });

        String prometheus = actuator.get("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("genai_generations_seconds_count{chain=\"shots\",degraded=\"true\",model=\"" + PRO
                        + "\",outcome=\"DELIVERED\",provider=\"pro\",resolution=\"1K\"} 1")
                .contains("genai_generations_seconds_count{chain=\"shots\",degraded=\"true\",model=\"card\","
                        + "outcome=\"LAST_RESORT\",provider=\"card\",resolution=\"1K\"} 1")
                .contains("genai_attempts_seconds_count{chain=\"shots\",model=\"" + PRO
                        + "\",outcome=\"OVERLOADED\",provider=\"pro\",resolution=\"2K\"}")
                .contains("genai_fallbacks_total{chain=\"shots\",provider=\"flash\"} 1")
                .contains("genai_fallbacks_total{chain=\"shots\",provider=\"card\"} 1")
                .contains("genai_degradations_total{chain=\"shots\",provider=\"pro\",resolution=\"1K\"} 1")
                .contains("genai_retry_budget_refusals_total{chain=\"shots\",provider=\"pro\"} 3")
                .contains("genai_breaker_refusals_total{chain=\"shots\",provider=\"pro\"} 2");

        Map<String, String> responses = everyActuatorResponse(actuator);
        assertThat(responses).containsKeys("health", "genai", "prometheus", "circuitbreakers", "env", "configprops",
                "metrics", "beans", "loggers", "threaddump", "/actuator/health/genai");
        for (String secret : secrets()) {
            responses.forEach((name, body) -> assertThat(body).as(name).doesNotContain(secret));
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(output.getOut()).contains("genai generation chain=shots outcome=LAST_RESORT provider=card");
    }

    /**
     * One degradation (pro fails twice at 2K, its budget grants its one retry, then pro delivers at 1K); one fallback
     * to flash (pro down, retries refused, its breaker, judged from 5 calls at 50%, opens on its fifth call); one
     * poster from gpt; and the card when flash is down too (pro's breaker skips both its steps).
     */
    private void traffic() {
        EMULATOR.model(PRO).failNext(2, Fault.OVERLOADED);
        GeneratedImage degraded = generator.generate("shots", ImageRequest.of(PROMPTS.get(0)));
        assertThat(degraded.provider()).isEqualTo("pro");
        assertThat(degraded.resolution().label()).isEqualTo("1K");

        EMULATOR.model(PRO).outage(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        assertThat(generator.generate("shots", ImageRequest.of(PROMPTS.get(1))).provider()).isEqualTo("flash");
        assertThat(generator.generate("posters", ImageRequest.of(PROMPTS.get(2))).provider()).isEqualTo("gpt");

        EMULATOR.model(FLASH).outage(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        assertThat(generator.generate("shots", ImageRequest.of(PROMPTS.get(3))).provider()).isEqualTo("card");
    }

    /** The links {@code /actuator} lists (and the health groups), each read. */
    private static Map<String, String> everyActuatorResponse(ActuatorClient actuator) {
        Map<String, String> bodies = new LinkedHashMap<>();
        JsonNode links = actuator.json("/actuator").path("_links");
        links.properties().forEach(link -> {
            String href = link.getValue().path("href").asText();
            if (!link.getValue().path("templated").asBoolean()) {
                HttpResponse<String> response = actuator.get(href.substring(href.indexOf("/actuator")));
                bodies.put(link.getKey(), response.body());
            }
        });
        for (String path : List.of("/actuator/health/genai", "/actuator/health/readiness",
                "/actuator/circuitbreakerevents", "/actuator/env/genai.providers.pro.api-key",
                "/actuator/metrics/genai.generations")) {
            bodies.put(path, actuator.get(path).body());
        }
        return bodies;
    }

    private static List<String> secrets() {
        List<String> secrets = new ArrayList<>(PROMPTS);
        secrets.add(GEMINI_KEY);
        secrets.add(OPENAI_KEY);
        return secrets;
    }
}
