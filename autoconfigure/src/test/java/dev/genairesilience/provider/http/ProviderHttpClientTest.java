package dev.genairesilience.provider.http;

import static dev.genairesilience.provider.ProviderTestSupport.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.ProviderEmulatorExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderHttpClientTest {

    @RegisterExtension
    static ProviderEmulatorExtension emulator = new ProviderEmulatorExtension();

    private static final int MIB = 1024 * 1024;

    private final ProviderHttpClient client = new ProviderHttpClient("hf", HTTP, MIB);

    private static HttpRequest.Builder generation(ProviderEmulator emulator) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/models/a/b"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":\"x\"}"));
    }

    @Test
    void noTimeLeftFailsAsTimeoutWithoutACall(ProviderEmulator emulator) {
        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ZERO))
                .isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofMillis(-5)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(emulator.model("a/b").calls()).isZero();
    }

    @Test
    void non2xxBecomesProviderHttpExceptionWithStatusHeadersAndBody(ProviderEmulator emulator) {
        emulator.model("a/b").hint(Duration.ofSeconds(4)).failNext(1, Fault.RATE_LIMITED);

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ProviderHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.header("retry-after")).contains("4");
                    assertThat(e.body()).contains("Rate limit reached");
                    assertThat(e.getMessage()).isEqualTo("Provider 'hf' answered HTTP 429");
                });
    }

    @Test
    void success2xxIsReturnedWithItsBody(ProviderEmulator emulator) throws Exception {
        assertThat(client.exchange(generation(emulator), Duration.ofSeconds(5)).body()).isNotEmpty();
        assertThat(emulator.model("a/b").calls()).isEqualTo(1);
    }

    @Test
    void anAnswerWhoseContentLengthIsOverTheCapIsRefusedUnreadAndItsConnectionClosed(ProviderEmulator emulator)
            throws Exception {
        ModelBehaviour model = emulator.model("a/b").oversizedAnswer(300, true);

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e).hasMessage("Provider 'hf' answered over genai.http.max-response-size (1MB): "
                            + "Content-Length 314572800");
                });

        awaitAbandoned(model);
        // what the sockets' buffers took before the client closed: far from the 300 MiB
        assertThat(model.bodyBytesSent()).isLessThan(64L * MIB);
    }

    @Test
    void aChunkedAnswerThatGrowsOverTheCapIsCutThereAndItsConnectionClosed(ProviderEmulator emulator)
            throws Exception {
        ModelBehaviour model = emulator.model("a/b").oversizedAnswer(300, false);

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofSeconds(30)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("Provider 'hf' answered over genai.http.max-response-size (1MB): cut after 1MB");

        awaitAbandoned(model);
        assertThat(model.bodyBytesSent()).isLessThan(64L * MIB);
    }

    @ParameterizedTest(name = "with Content-Length: {0}")
    @ValueSource(booleans = {true, false})
    void anAnswerUpToTheCapIsReadWhole(boolean withContentLength, ProviderEmulator emulator) throws Exception {
        emulator.model("a/b").oversizedAnswer(1, withContentLength);

        assertThat(client.exchange(generation(emulator), Duration.ofSeconds(30)).body()).hasSize(MIB);
    }

    @Test
    void aTricklingBodyIsCutAtTheCallsTimeout(ProviderEmulator emulator) throws Exception {
        ModelBehaviour model = emulator.model("a/b").trickle(Duration.ofMillis(50));

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);

        awaitAbandoned(model);
    }

    @Test
    void aCallThatIsNeverAnsweredEndsAtTheCallsTimeout(ProviderEmulator emulator) {
        emulator.model("a/b").hang(true);

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(emulator.model("a/b").calls()).isEqualTo(1);
    }

    private static void awaitAbandoned(ModelBehaviour model) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (model.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(model.abandonedAnswers()).as("answers whose connection the client closed").isEqualTo(1);
    }
}
