package dev.genairesilience.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LoadTestEmulatorTest {

    @Test
    void anEmulatorOnTheCallersExecutorServesCallsAndShutsTheExecutorDownOnClose() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try (ProviderEmulator emulator = ProviderEmulator.start(workers, 4096)) {
            HttpResponse<byte[]> response = new EmulatorClient(emulator).gemini(EmulatorClient.GEMINI_MODEL, "k",
                    "a red fox");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(emulator.model(EmulatorClient.GEMINI_MODEL).calls()).isEqualTo(1);
        }
        assertThat(workers.isShutdown()).isTrue();
    }
}
