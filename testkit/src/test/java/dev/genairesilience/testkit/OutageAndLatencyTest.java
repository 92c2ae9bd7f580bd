package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OutageAndLatencyTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void callsWithinTheOutageWindowAreOverloadedAndOthersNot() throws Exception {
        Instant now = Instant.now();
        emulator.model(GEMINI_MODEL).outage(now.minusSeconds(1), now.plusMillis(1500));

        assertThat(client.gemini(GEMINI_MODEL, "k", "p").statusCode()).isEqualTo(503);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), now.plusMillis(1600)).toMillis()));
        assertThat(client.gemini(GEMINI_MODEL, "k", "p").statusCode()).isEqualTo(200);
    }

    @Test
    void anOutageInTheFutureDoesNotAffectCallsNow() throws Exception {
        emulator.model(GEMINI_MODEL).outage(Instant.now().plusSeconds(60), Instant.now().plusSeconds(120));

        assertThat(client.gemini(GEMINI_MODEL, "k", "p").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysSuccessesAndFaultsAlike() throws Exception {
        emulator.model(OPENAI_MODEL).latency(Duration.ofMillis(300)).failNext(1, Fault.SERVER_ERROR);

        long start = System.nanoTime();
        int fault = client.openAi(OPENAI_MODEL, "k", "p").statusCode();
        long afterFault = System.nanoTime();
        int success = client.openAi(OPENAI_MODEL, "k", "p").statusCode();
        long afterSuccess = System.nanoTime();

        assertThat(fault).isEqualTo(500);
        assertThat(success).isEqualTo(200);
        assertThat(Duration.ofNanos(afterFault - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(Duration.ofNanos(afterSuccess - afterFault)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }
}
