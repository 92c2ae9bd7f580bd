package dev.genairesilience.internal.observation;

import static dev.genairesilience.provider.ProviderTestSupport.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.ProviderEmulatorExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each exchange through the observed client is one http.client.requests observation; it sends as the JDK's does. */
class ObservedHttpClientTest {

    private static final String KEY = "hf-secret-token-0c3d";

    @RegisterExtension
    static ProviderEmulatorExtension emulator = new ProviderEmulatorExtension();

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ProviderHttpClient client = new ProviderHttpClient("hf",
            new ObservedHttpClient(HTTP, registry), 1024 * 1024);

    private static HttpRequest.Builder generation(ProviderEmulator emulator) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/models/a/b?wait=true"))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":\"x\"}"));
    }

    @Test
    void anAnsweredExchangeIsObservedWithSpringsClientKeysAndNoHeader(ProviderEmulator emulator) {
        emulator.model("a/b").expectApiKey(KEY).failNext(1, Fault.RATE_LIMITED);

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofSeconds(5)))
                .isInstanceOf(ProviderHttpException.class);

        assertThat(emulator.model("a/b").recordedCalls()).singleElement()
                .satisfies(call -> assertThat(call.header("authorization")).isEqualTo("Bearer " + KEY));
        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsEqualTo(1)
                .hasObservationWithNameEqualTo(ObservedHttpClient.NAME).that().hasBeenStarted().hasBeenStopped()
                .hasContextualNameEqualTo("http post").hasLowCardinalityKeyValue("method", "POST")
                .hasLowCardinalityKeyValue("uri", "/models/a/b").hasLowCardinalityKeyValue("status", "429")
                .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR").hasLowCardinalityKeyValue("exception", "none")
                .hasLowCardinalityKeyValue("client.name", "127.0.0.1")
                .hasHighCardinalityKeyValue("http.url", emulator.baseUrl() + "/models/a/b").doesNotHaveError();
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
            List<String> values = contexts.stream().flatMap(c -> c.getAllKeyValues().stream())
                    .map(KeyValue::getValue).toList();
            assertThat(values).noneMatch(value -> value.contains(KEY) || value.contains("wait=true"));
        });
    }

    @Test
    void anExchangeCutAtItsTimeoutIsCancelledAtTheServerAndEndsItsObservation(ProviderEmulator emulator)
            throws InterruptedException {
        ModelBehaviour model = emulator.model("a/b").trickle(Duration.ofMillis(50));

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (model.abandonedAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(model.abandonedAnswers()).as("answers whose connection the client closed").isEqualTo(1);
        TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo(ObservedHttpClient.NAME)
                .that().hasBeenStopped().hasLowCardinalityKeyValue("status", "CLIENT_ERROR")
                .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
                .hasLowCardinalityKeyValue("exception", "CancellationException");
    }

    @Test
    void aDroppedConnectionEndsTheObservationWithItsExceptionsClassOnly(ProviderEmulator emulator) {
        emulator.model("a/b").failNext(1, Fault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.exchange(generation(emulator), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);

        TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo(ObservedHttpClient.NAME)
                .that().hasBeenStopped().hasLowCardinalityKeyValue("status", "CLIENT_ERROR")
                .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
                .doesNotHaveLowCardinalityKeyValue("exception", "none")
                .assertThatError().isInstanceOf(ObservedFailure.class);
    }
}
