package dev.genairesilience.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An API's credential goes to its own hosts only. */
class ApiHostTest {

    private final ApiHost bfl = new ApiHost(URI.create("https://api.bfl.ai"), "x-key", "secret");

    private Optional<String> keySentTo(ApiHost host, String url) {
        URI target = URI.create(url);
        return host.authorized(HttpRequest.newBuilder(target), target).build().headers().firstValue("x-key");
    }

    @Test
    void theOwnHostAndItsSiblingsGetTheKeyAndNoOtherHostDoes() {
        assertThat(keySentTo(bfl, "https://api.bfl.ai/v1/get_result?id=1")).hasValue("secret");
        assertThat(keySentTo(bfl, "https://api.us1.bfl.ai/v1/get_result?id=1")).hasValue("secret");
        assertThat(keySentTo(bfl, "https://delivery.example.net/x.png")).isEmpty();
        assertThat(keySentTo(bfl, "https://api.bfl.ai.evil.example/x")).isEmpty();
        assertThat(keySentTo(bfl, "https://api.bfl.ai:8443/x")).as("another port").isEmpty();
    }

    @Test
    void aTwoLabelHostHasNoSiblingsAndAMissingKeySendsNothing() {
        ApiHost local = new ApiHost(URI.create("http://localhost:8080"), "x-key", "secret");
        assertThat(keySentTo(local, "http://localhost:8080/status")).hasValue("secret");
        assertThat(keySentTo(new ApiHost(URI.create("https://fal.run"), "x-key", "secret"), "https://evil.run/x"))
                .isEmpty();
        assertThat(keySentTo(new ApiHost(URI.create("https://api.bfl.ai"), "x-key", " "), "https://api.bfl.ai/x"))
                .isEmpty();
    }

    @Test
    void relativeUrlsResolveAgainstTheBase() {
        assertThat(bfl.resolve("v1/flux-pro-1.1")).isEqualTo(URI.create("https://api.bfl.ai/v1/flux-pro-1.1"));
        assertThat(bfl.resolve("https://api.us1.bfl.ai/v1/get_result?id=1"))
                .isEqualTo(URI.create("https://api.us1.bfl.ai/v1/get_result?id=1"));
    }
}
