package dev.genairesilience.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room counted by resolution, and refusals that cost the server room while they are turned away. */
class CapacityByResolutionTest {

    private static final String PRO = "gemini-3-pro-image-preview";

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void a4KCallIsTurnedAwayWhereSmallerCallsStillFit() throws Exception {
        ModelBehaviour model = emulator.model(PRO).capacityByResolution(4, Duration.ofSeconds(1));
        CompletableFuture<HttpResponse<byte[]>> first = call("1K");
        CompletableFuture<HttpResponse<byte[]>> second = call("1K");
        awaitCalls(model, 2);

        int fourK = client.send(client.geminiRequest(PRO, "k", "p", "4K")).statusCode();
        CompletableFuture<HttpResponse<byte[]>> twoK = call("2K");
        awaitCalls(model, 4);
        int oneMore = client.send(client.geminiRequest(PRO, "k", "p", "1K")).statusCode();

        assertThat(fourK).as("4K needs 4 units, 2 are free").isEqualTo(503);
        assertThat(oneMore).as("1K + 1K + 2K fill the 4 units").isEqualTo(503);
        assertThat(status(first)).isEqualTo(200);
        assertThat(status(second)).isEqualTo(200);
        assertThat(status(twoK)).isEqualTo(200);
        assertThat(model.successes()).isEqualTo(3);
    }

    @Test
    void a4KCallTakesTheRoomOfFour1KCalls() throws Exception {
        ModelBehaviour model = emulator.model(PRO).capacityByResolution(4, Duration.ofSeconds(1));
        CompletableFuture<HttpResponse<byte[]>> fourK = call("4K");
        awaitCalls(model, 1);

        int oneK = client.send(client.geminiRequest(PRO, "k", "p", null)).statusCode();

        assertThat(oneK).isEqualTo(503);
        assertThat(status(fourK)).isEqualTo(200);
        assertThat(client.send(client.geminiRequest(PRO, "k", "p", "4K")).statusCode())
                .as("its room is given back when it is done").isEqualTo(200);
    }

    @Test
    void capacityInCallsCountsA4KCallAsOne() throws Exception {
        ModelBehaviour model = emulator.model(PRO).capacity(2, Duration.ofSeconds(1));
        CompletableFuture<HttpResponse<byte[]>> fourK = call("4K");
        awaitCalls(model, 1);

        int another = client.send(client.geminiRequest(PRO, "k", "p", "4K")).statusCode();

        assertThat(another).isEqualTo(200);
        assertThat(status(fourK)).isEqualTo(200);
    }

    @Test
    void aRefusedCallHoldsRoomWhileItIsTurnedAwaySoRefusalsCrowdOutCallsThatWouldFit() throws Exception {
        ModelBehaviour model = emulator.model(PRO).capacity(1, Duration.ofMillis(500))
                .refusalHold(Duration.ofMillis(1500));
        CompletableFuture<HttpResponse<byte[]>> served = call("1K");
        awaitCalls(model, 1);
        CompletableFuture<HttpResponse<byte[]>> refused = call("1K");
        awaitCalls(model, 2);

        assertThat(status(served)).isEqualTo(200);
        int afterTheServedCall = client.send(client.geminiRequest(PRO, "k", "p", "1K")).statusCode();

        assertThat(afterTheServedCall).as("the refusal still holds the only slot").isEqualTo(503);
        assertThat(status(refused)).isEqualTo(503);
        assertThat(model.successes()).isEqualTo(1);
    }

    @Test
    void withoutARefusalHoldARefusalCostsNothing() throws Exception {
        ModelBehaviour model = emulator.model(PRO).capacity(1, Duration.ofMillis(500));
        CompletableFuture<HttpResponse<byte[]>> served = call("1K");
        awaitCalls(model, 1);
        int refused = client.send(client.geminiRequest(PRO, "k", "p", "1K")).statusCode();

        assertThat(status(served)).isEqualTo(200);
        int afterTheServedCall = client.send(client.geminiRequest(PRO, "k", "p", "1K")).statusCode();

        assertThat(refused).isEqualTo(503);
        assertThat(afterTheServedCall).isEqualTo(200);
    }

    @Test
    void badRoomOrHoldIsRefusedNamingTheArgument() {
        ModelBehaviour model = emulator.model(PRO);

        assertThatThrownBy(() -> model.capacityByResolution(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("units must be >= 1, was 0");
        assertThatThrownBy(() -> model.refusalHold(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("hold must not be negative");
    }

    private CompletableFuture<HttpResponse<byte[]>> call(String imageSize) {
        return client.sendAsync(client.geminiRequest(PRO, "k", "p", imageSize));
    }

    private static int status(CompletableFuture<HttpResponse<byte[]>> call) throws Exception {
        return call.get(10, TimeUnit.SECONDS).statusCode();
    }

    /**
     * Until the model has received {@code n} calls, and a little longer: a call is recorded on arrival and passes
     * the capacity rule microseconds later, with nothing in between that waits.
     */
    private static void awaitCalls(ModelBehaviour model, int n) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (model.calls() < n) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the emulator received " + model.calls() + " calls, not " + n);
            }
            Thread.sleep(5);
        }
        Thread.sleep(50);
    }
}
