package dev.genairesilience.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.internal.warmup.WarmupStatus;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Acceptance 7: a server's wait hint seen while warming a provider up holds that provider for generation too,
 * because warm-up and generation share one lane per provider.
 */
@DirtiesContext
@SpringBootTest(classes = OperatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WarmupHoldSharedTest {

    private static final String PRO = "gemini-3-pro-image-preview";
    private static final String FLASH = "gemini-2.5-flash-image";
    private static final String KEY = "warmup-hold-key-2c7e";
    private static final ProviderEmulator EMULATOR = ProviderEmulator.start();

    @Autowired
    ImageGenerator generator;

    @Autowired
    WarmupStates warmups;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        EMULATOR.model(PRO).expectApiKey(KEY).hint(Duration.ofSeconds(40)).metadataFault(Fault.RATE_LIMITED);
        EMULATOR.model(FLASH).expectApiKey(KEY);
        EmulatedProviderProperties.add(registry, EMULATOR, "pro", "gemini", PRO, KEY, "5s");
        EmulatedProviderProperties.add(registry, EMULATOR, "flash", "gemini", FLASH, KEY, "5s");
        registry.add("genai.chains.main.providers", () -> "pro,flash");
        registry.add("genai.warmup.providers", () -> "pro");
        registry.add("genai.warmup.timeout", () -> "2s");
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void aRetryAfterSeenDuringWarmUpHoldsTheProviderForGeneration() {
        await().atMost(Duration.ofSeconds(20)).until(() -> warmups.status("pro")
                .map(s -> s.state() == WarmupStatus.State.FAILED).orElse(false));
        assertThat(EMULATOR.model(PRO).metadataCalls()).isEqualTo(1);

        GeneratedImage image = generator.generate(ImageRequest.of("a red bicycle"));

        assertThat(image.provider()).isEqualTo("flash");
        assertThat(image.attempts()).hasSize(1);
        assertThat(EMULATOR.model(PRO).calls()).as("pro is held: no generation call reaches it").isZero();
    }
}
