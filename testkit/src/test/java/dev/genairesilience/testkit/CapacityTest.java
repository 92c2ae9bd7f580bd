package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CapacityTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void oneCallBeyondCapacityIsOverloadedAtOnceWhileTheOthersAreServed() throws Exception {
        emulator.model(OPENAI_MODEL).capacity(3, Duration.ofSeconds(3));

        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(client.sendAsync(client.openAiRequest(OPENAI_MODEL, "k", "p")));
        }
        CompletableFuture<Object> firstDone = CompletableFuture.anyOf(calls.toArray(CompletableFuture[]::new));
        HttpResponse<?> first = (HttpResponse<?>) firstDone.get(2500, TimeUnit.MILLISECONDS);
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
            statuses.add(call.get(10, TimeUnit.SECONDS).statusCode());
        }

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(statuses).containsExactlyInAnyOrder(200, 200, 200, 503);
        assertThat(emulator.model(OPENAI_MODEL).successes()).isEqualTo(3);
    }

    @Test
    void slotsAreGivenBackWhenCallsFinish() throws Exception {
        emulator.model(OPENAI_MODEL).capacity(1, Duration.ofMillis(50));

        for (int i = 0; i < 3; i++) {
            assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void slowCallsOfOneModelDoNotHoldUpAnother() throws Exception {
        emulator.model(OPENAI_MODEL).latency(Duration.ofSeconds(3));
        CompletableFuture<HttpResponse<byte[]>> slow = client.sendAsync(client.openAiRequest(OPENAI_MODEL, "k", "p"));
        long start = System.nanoTime();

        int quick = client.openAi("dall-e-3", "k", "p").statusCode();

        assertThat(quick).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(slow.isDone()).isFalse();
        slow.cancel(true);
    }
}
