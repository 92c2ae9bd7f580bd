package dev.genairesilience.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.internal.warmup.WarmupStatus;
import dev.genairesilience.it.operator.OperatorTestApplication.ReadinessLog;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.RecordedCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acceptance 1: a Hugging Face model that takes seconds to load is warmed once the application is ready; readiness
 * refuses traffic until it is warm and accepts it after; keep-alive calls then arrive at their interval.
 */
@DirtiesContext
@SpringBootTest(classes = OperatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ColdStartWarmupTest {

    private static final String SDXL = "stabilityai/stable-diffusion-xl-base-1.0";
    private static final String KEY = "hf_cold-start-key-5e1d";
    private static final Duration LOADING = Duration.ofSeconds(4);
    private static final ProviderEmulator EMULATOR = ProviderEmulator.start();

    @LocalServerPort
    int port;

    @Autowired
    ReadinessLog readiness;

    @Autowired
    WarmupStates warmups;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EMULATOR.model(SDXL).expectApiKey(KEY).coldStart(Duration.ofSeconds(20), LOADING);
        EmulatedProviderProperties.add(registry, EMULATOR, "sdxl", "huggingface", SDXL, KEY, "20s");
        registry.add("genai.chains.main.providers", () -> "sdxl");
        registry.add("genai.warmup.providers", () -> "sdxl");
        registry.add("genai.warmup.timeout", () -> "20s");
        registry.add("genai.warmup.keep-alive", () -> "300ms");
        registry.add("management.endpoints.web.exposure.include", () -> "health,genai");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void readinessRefusesTrafficUntilTheColdModelIsWarmThenAcceptsAndKeepAliveCallsFollowAtTheirInterval() {
        ActuatorClient actuator = new ActuatorClient(port);
        ModelBehaviour sdxl = EMULATOR.model(SDXL);

        assertThat(actuator.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(actuator.json("/actuator/health/readiness").path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(actuator.provider("sdxl").path("status").asText()).isEqualTo("COLD");
        assertThat(actuator.provider("sdxl").path("reason").asText()).isEqualTo("warming up");
        assertThat(actuator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> actuator.get("/actuator/health/readiness").statusCode()
                == 200);
        WarmupStatus warm = warmups.status("sdxl").orElseThrow();
        assertThat(warm.state()).isEqualTo(WarmupStatus.State.WARM);
        assertThat(sdxl.successes()).isPositive();
        assertThat(actuator.provider("sdxl").path("status").asText()).isEqualTo("UP");

        List<OperatorTestApplication.ReadinessLog.Change> changes = readiness.changes();
        assertThat(changes).extracting(OperatorTestApplication.ReadinessLog.Change::state)
                .containsSubsequence(ReadinessState.ACCEPTING_TRAFFIC, ReadinessState.REFUSING_TRAFFIC,
                        ReadinessState.ACCEPTING_TRAFFIC);
        OperatorTestApplication.ReadinessLog.Change last = changes.get(changes.size() - 1);
        assertThat(last.state()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(last.publisher()).isEqualTo("ReadinessGate");

        int before = sdxl.calls();
        sleep(Duration.ofMillis(1500));
        int keepAlives = sdxl.calls() - before;
        assertThat(keepAlives).as("keep-alive calls in 1.5 s at a 300 ms interval").isBetween(2, 6);
        RecordedCall keepAlive = sdxl.recordedCalls().get(sdxl.recordedCalls().size() - 1);
        assertThat(keepAlive.header("x-wait-for-model")).isEqualTo("true");
        assertThat(keepAlive.body()).contains("\"inputs\":\"warm-up\"");
        assertThat(warmups.status("sdxl").orElseThrow().warmUps()).isGreaterThan(1);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
