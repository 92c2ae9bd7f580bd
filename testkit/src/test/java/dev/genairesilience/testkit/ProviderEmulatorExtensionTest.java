package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderEmulatorExtensionTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private static ProviderEmulator firstSeen;

    private final ProviderEmulator injected;

    ProviderEmulatorExtensionTest(ProviderEmulator injected) {
        this.injected = injected;
    }

    @Test
    @Order(1)
    void aTestScriptsFaultsAndMakesCalls(ProviderEmulator emulator) throws Exception {
        firstSeen = emulator;
        emulator.model(OPENAI_MODEL).failNext(5, Fault.SERVER_ERROR);

        assertThat(new EmulatorClient(emulator).openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(500);
    }

    @Test
    @Order(2)
    void theNextTestFindsTheSameEmulatorHealthyAndUncounted(ProviderEmulator emulator) throws Exception {
        assertThat(emulator).isSameAs(firstSeen).isSameAs(extension.emulator()).isSameAs(injected);
        assertThat(emulator.model(OPENAI_MODEL).calls()).isZero();
        assertThat(emulator.model(OPENAI_MODEL).recordedCalls()).isEmpty();

        assertThat(new EmulatorClient(emulator).openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(200);
    }

    @Nested
    class NestedTests {

        @Test
        void nestedTestsShareTheOuterEmulator(ProviderEmulator emulator) {
            assertThat(emulator).isSameAs(extension.emulator());
        }
    }
}
