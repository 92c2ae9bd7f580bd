package dev.genairesilience.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acceptance 1, the other half: warm-ups that fail (a refused token, a provider answering 500) leave the application
 * running and accepting traffic, and health says why for each provider.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(classes = OperatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedWarmupTest {

    private static final String SDXL = "stabilityai/stable-diffusion-xl-base-1.0";
    private static final String PRO = "gemini-3-pro-image-preview";
    private static final String FLASH = "gemini-2.5-flash-image";
    private static final String KEY = "failed-warmup-key-0b7c";
    private static final ProviderEmulator EMULATOR = ProviderEmulator.start();

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EMULATOR.model(SDXL).expectApiKey("the-token-huggingface-knows");
        EMULATOR.model(PRO).expectApiKey(KEY).metadataFault(Fault.SERVER_ERROR);
        EMULATOR.model(FLASH).expectApiKey(KEY);
        EmulatedProviderProperties.add(registry, EMULATOR, "sdxl", "huggingface", SDXL, KEY, "5s");
        EmulatedProviderProperties.add(registry, EMULATOR, "pro", "gemini", PRO, KEY, "5s");
        EmulatedProviderProperties.add(registry, EMULATOR, "flash", "gemini", FLASH, KEY, "5s");
        registry.add("genai.chains.main.providers", () -> "sdxl,pro,flash");
        registry.add("genai.warmup.providers", () -> "sdxl,pro,flash");
        registry.add("genai.warmup.timeout", () -> "10s");
        registry.add("genai.retry.max-attempts", () -> "2");
        registry.add("genai.retry.initial-interval", () -> "10ms");
        registry.add("management.endpoints.web.exposure.include", () -> "health,genai");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void failedWarmUpsLeaveTheApplicationRunningAndHealthSaysWhyForEachProvider(CapturedOutput output) {
        ActuatorClient actuator = new ActuatorClient(port);

        await().atMost(Duration.ofSeconds(20)).until(() -> actuator.get("/actuator/health/readiness").statusCode()
                == 200);

        assertThat(context.isRunning()).isTrue();
        JsonNode genai = actuator.json("/actuator/health").path("components").path("genai");
        assertThat(genai.path("status").asText()).isEqualTo("DEGRADED");
        JsonNode sdxl = genai.path("details").path("providers").path("sdxl");
        assertThat(sdxl.path("status").asText()).isEqualTo("MISCONFIGURED");
        assertThat(sdxl.path("reason").asText()).contains("warm-up refused").contains("AUTHENTICATION(401)");
        JsonNode pro = genai.path("details").path("providers").path("pro");
        assertThat(pro.path("status").asText()).isEqualTo("COLD");
        assertThat(pro.path("reason").asText()).contains("warm-up failed: 2 attempt(s)")
                .contains("SERVER_ERROR(500)");
        assertThat(genai.path("details").path("providers").path("flash").path("status").asText()).isEqualTo("UP");
        JsonNode chain = genai.path("details").path("chains").path("main");
        assertThat(chain.path("status").asText()).isEqualTo("UP");
        assertThat(chain.path("serving")).extracting(JsonNode::asText).containsExactly("pro", "flash");

        JsonNode warmups = actuator.json("/actuator/genai").path("warmups");
        assertThat(warmups.path("sdxl").path("state").asText()).isEqualTo("FAILED");
        assertThat(warmups.path("flash").path("state").asText()).isEqualTo("WARM");
        assertThat(output.getOut()).contains("genai warm-up of sdxl failed")
                .contains("the application serves anyway (health shows why)").doesNotContain(KEY);
    }
}
