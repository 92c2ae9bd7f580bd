package dev.genairesilience.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acceptance 2: {@code /actuator/health} shows the primary provider follow a scripted outage, UP, DOWN (breaker
 * open), DEGRADED (half-open), UP again, while its chain keeps serving through the secondary.
 */
@DirtiesContext
@SpringBootTest(classes = OperatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderOutageHealthTest {

    private static final String PRO = "gemini-3-pro-image-preview";
    private static final String FLASH = "gemini-2.5-flash-image";
    private static final String KEY = "outage-key-c3d2";
    private static final ProviderEmulator EMULATOR = ProviderEmulator.start();

    @LocalServerPort
    int port;

    @Autowired
    ImageGenerator generator;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        for (String[] p : new String[][] {{"pro", PRO}, {"flash", FLASH}}) {
            EMULATOR.model(p[1]).expectApiKey(KEY);
            EmulatedProviderProperties.add(registry, EMULATOR, p[0], "gemini", p[1], KEY, "5s");
        }
        registry.add("genai.chains.main.providers", () -> "pro,flash");
        registry.add("genai.retry.max-attempts", () -> "1");
        String breaker = "resilience4j.circuitbreaker.instances.pro.";
        registry.add(breaker + "sliding-window-type", () -> "COUNT_BASED");
        registry.add(breaker + "sliding-window-size", () -> "4");
        registry.add(breaker + "minimum-number-of-calls", () -> "4");
        registry.add(breaker + "failure-rate-threshold", () -> "50");
        registry.add(breaker + "wait-duration-in-open-state", () -> "1s");
        registry.add(breaker + "permitted-number-of-calls-in-half-open-state", () -> "2");
        registry.add(breaker + "automatic-transition-from-open-to-half-open-enabled", () -> "true");
        registry.add("management.endpoints.web.exposure.include", () -> "health,genai,circuitbreakers");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void thePrimarysHealthFollowsTheOutageUpDownDegradedUpWhileItsChainKeepsServing() {
        ActuatorClient actuator = new ActuatorClient(port);
        List<String> seen = new ArrayList<>();

        seen.add(status(actuator));
        assertThat(genai(actuator).path("status").asText()).isEqualTo("UP");

        EMULATOR.model(PRO).outage(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        for (int i = 0; i < 4; i++) {
            assertThat(generator.generate(ImageRequest.of("a harbour at night")).provider()).isEqualTo("flash");
        }
        seen.add(status(actuator));
        assertThat(actuator.provider("pro").path("breaker").asText()).isEqualTo("OPEN");
        assertThat(actuator.provider("pro").path("reason").asText()).contains("circuit breaker open");
        JsonNode chain = genai(actuator).path("details").path("chains").path("main");
        assertThat(chain.path("status").asText()).isEqualTo("UP");
        assertThat(chain.path("serving")).extracting(JsonNode::asText).containsExactly("flash");
        assertThat(genai(actuator).path("status").asText()).isEqualTo("DEGRADED");
        assertThat(actuator.json("/actuator/health").path("status").asText()).isEqualTo("UP");

        EMULATOR.model(PRO).outage(Instant.EPOCH, Instant.EPOCH);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DEGRADED".equals(status(actuator)));
        seen.add(status(actuator));
        assertThat(actuator.provider("pro").path("breaker").asText()).isEqualTo("HALF_OPEN");

        for (int i = 0; i < 2; i++) {
            assertThat(generator.generate(ImageRequest.of("a harbour at night")).provider()).isEqualTo("pro");
        }
        seen.add(status(actuator));
        assertThat(seen).containsExactly("UP", "DOWN", "DEGRADED", "UP");
        assertThat(genai(actuator).path("status").asText()).isEqualTo("UP");
    }

    private static String status(ActuatorClient actuator) {
        return actuator.provider("pro").path("status").asText();
    }

    private static JsonNode genai(ActuatorClient actuator) {
        return actuator.json("/actuator/health").path("components").path("genai");
    }
}
