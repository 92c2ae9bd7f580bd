package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HangAndTrickleTest {

    @Test
    void aHungCallIsAcceptedAndNeverAnsweredUntilTheEmulatorCloses() throws Exception {
        ProviderEmulator emulator = ProviderEmulator.start();
        EmulatorClient client = new EmulatorClient(emulator);
        emulator.model(GEMINI_MODEL).hang(true);

        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(client.geminiRequest(GEMINI_MODEL, "k", "p"));
        awaitCalls(emulator.model(GEMINI_MODEL), 1);
        assertThat(answer).isNotDone();
        emulator.close();

        // the request's own timeout is 10 s: closing must end the call well before it
        assertThatThrownBy(() -> answer.get(8, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aModelThatStopsHangingAnswersAgain() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            emulator.model(GEMINI_MODEL).hang(true).hang(false);

            assertThat(new EmulatorClient(emulator).gemini(GEMINI_MODEL, "k", "p").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aTricklingAnswerSendsItsHeadersAtOnceThenItsWholeBodyOneByteAtATime() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            EmulatorClient client = new EmulatorClient(emulator);
            emulator.model(HF_MODEL).failNext(2, Fault.BAD_REQUEST);
            byte[] whole = client.huggingFace(HF_MODEL, "k", "p", false).body();
            Duration perByte = Duration.ofMillis(5);
            emulator.model(HF_MODEL).trickle(perByte);

            HttpResponse<InputStream> response = client.stream(client.huggingFaceRequest(HF_MODEL, "k", "p", false));
            long start = System.nanoTime();
            byte[] trickled;
            try (InputStream body = response.body()) {
                trickled = body.readAllBytes();
            }

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(trickled).isEqualTo(whole);
            // a lower bound only: each byte waited its turn after the headers were in
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(perByte.multipliedBy(whole.length - 1));
        }
    }

    @Test
    void aTricklingAnswerEndsShortWhenTheEmulatorCloses() throws Exception {
        ProviderEmulator emulator = ProviderEmulator.start();
        EmulatorClient client = new EmulatorClient(emulator);
        emulator.model(GEMINI_MODEL).trickle(Duration.ofSeconds(1));

        HttpResponse<InputStream> response = client.stream(client.geminiRequest(GEMINI_MODEL, "k", "p"));
        assertThat(response.statusCode()).isEqualTo(200);
        emulator.close();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (InputStream body = response.body()) {
                assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
            }
        });
    }

    private static void awaitCalls(ModelBehaviour model, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (model.calls() < calls && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(model.calls()).isEqualTo(calls);
    }
}
