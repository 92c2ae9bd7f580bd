package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ColdStartTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void aColdModelAnswersLoadingUntilItHasWarmedUp() throws Exception {
        emulator.model(HF_MODEL).coldStart(Duration.ofSeconds(20), Duration.ofSeconds(1));

        HttpResponse<byte[]> first = client.huggingFace(HF_MODEL, "k", "p", false);
        HttpResponse<byte[]> second = client.huggingFace(HF_MODEL, "k", "p", false);
        Thread.sleep(1200);
        HttpResponse<byte[]> warm = client.huggingFace(HF_MODEL, "k", "p", false);

        JsonNode loading = EmulatorClient.json(first);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(loading.path("error").asText()).isEqualTo("Model " + HF_MODEL + " is currently loading");
        assertThat(loading.path("estimated_time").asDouble()).isEqualTo(20.0);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(warm.statusCode()).isEqualTo(200);
    }

    @Test
    void waitForModelWaitsTheLoadingOutAndSucceeds() throws Exception {
        emulator.model(HF_MODEL).coldStart(Duration.ofSeconds(20), Duration.ofMillis(500));
        long start = System.nanoTime();

        HttpResponse<byte[]> response = client.huggingFace(HF_MODEL, "k", "p", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        assertThat(client.huggingFace(HF_MODEL, "k", "p", false).statusCode()).isEqualTo(200);
    }

    @Test
    void apisWithoutColdStartsAnswerLoadingAsOverloaded() throws Exception {
        emulator.model(GEMINI_MODEL).coldStart(Duration.ofSeconds(20), Duration.ofMinutes(5));

        HttpResponse<byte[]> response = client.gemini(GEMINI_MODEL, "k", "p");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(EmulatorClient.json(response).path("error").path("status").asText()).isEqualTo("UNAVAILABLE");
    }
}
