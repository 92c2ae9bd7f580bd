package dev.genairesilience.provider.http;

import static dev.genairesilience.provider.ProviderTestSupport.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.ProviderEmulatorExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderHttpClientTest {

    @RegisterExtension
    static ProviderEmulatorExtension emulator = new ProviderEmulatorExtension();

    private final ProviderHttpClient client = new ProviderHttpClient("hf", HTTP, 1024 * 1024);

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
}
