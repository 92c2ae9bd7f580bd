package dev.genairesilience.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Resolution;
import dev.genairesilience.failure.BuiltInClassifiers;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ProviderSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;

/** What the provider tests share: settings, calls, the classification the engine uses, PNG checks. */
public final class ProviderTestSupport {

    /** A prompt the tests look for in places it must never appear. */
    public static final String PROMPT = "a lighthouse at dusk, prompt-marker-7f3a";

    /** A key the tests look for in places it must never appear. */
    public static final String KEY = "sk-test-key-marker-91c2";

    /** One client for all tests, built like the application's shared one. */
    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final FailureClassification CLASSIFICATION =
            new FailureClassification(BuiltInClassifiers.all(Clock.systemUTC()));

    private ProviderTestSupport() {
    }

    public static ProviderSettings settings(String type, String model, URI baseUrl) {
        return settings(type, model, baseUrl, false, Map.of());
    }

    public static ProviderSettings settings(String type, String model, URI baseUrl, boolean waitForModel,
            Map<String, String> options) {
        return ProviderSettings.builder("my-" + type, type).model(model).apiKey(KEY).baseUrl(baseUrl)
                .timeout(Duration.ofSeconds(30)).waitForModel(waitForModel).options(options).build();
    }

    public static GenerationCall call(Resolution resolution, String aspectRatio) {
        return new GenerationCall(PROMPT, resolution, aspectRatio, Duration.ofSeconds(10));
    }

    public static GenerationCall call(Duration timeout) {
        return new GenerationCall(PROMPT, Resolution.ONE_K, "1:1", timeout);
    }

    /** Classifies as the engine does, and checks that neither the prompt nor the key leaked into the failure. */
    public static Failure classify(Throwable error) {
        Failure failure = CLASSIFICATION.classify(error);
        assertNoSecrets(error);
        assertThat(String.valueOf(failure.message())).doesNotContain(PROMPT).doesNotContain(KEY);
        return failure;
    }

    /** Neither the prompt nor the key appears in the exception's messages or its causes'. */
    public static void assertNoSecrets(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(PROMPT).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(PROMPT).doesNotContain(KEY);
        }
    }

    /** Decodes PNG bytes, failing the test when they are not one. */
    public static BufferedImage png(byte[] bytes) {
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("decodable PNG").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
