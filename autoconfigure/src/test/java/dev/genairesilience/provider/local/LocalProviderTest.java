package dev.genairesilience.provider.local;

import static dev.genairesilience.provider.ProviderTestSupport.PROMPT;
import static dev.genairesilience.provider.ProviderTestSupport.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.ProviderSettings;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalProviderTest {

    private final ImageProviderFactory factory = new LocalProviderFactory();
    private final ImageProvider provider = factory.create(
            ProviderSettings.builder("card", "local").timeout(Duration.ofSeconds(1)).build(),
            HttpClient.newHttpClient());

    private static GenerationCall call(String prompt, Resolution resolution, String aspectRatio) {
        return new GenerationCall(prompt, resolution, aspectRatio, Duration.ofSeconds(5));
    }

    @Test
    void isTheKeylessAlwaysDegradedCardForEveryResolutionAndRatio() {
        assertThat(factory.type()).isEqualTo("local");
        assertThat(factory.requiresApiKey()).isFalse();
        assertThat(provider.id()).isEqualTo("card");
        assertThat(provider.model()).isEqualTo("card");
        assertThat(provider.capabilities().alwaysDegraded()).isTrue();
        assertThat(provider.capabilities().supports(Resolution.ONE_K, "21:9")).isTrue();
        assertThat(provider.capabilities().supports(Resolution.ONE_K, "1:1")).isTrue();
        assertThat(provider.capabilities().supports(Resolution.FOUR_K, "1:1")).isFalse();
    }

    @ParameterizedTest(name = "{0} at {1} is a {2}x{3} card")
    @CsvSource({ "1K, 1:1, 1024, 1024", "1K, 16:9, 1024, 576", "1K, 9:16, 576, 1024", "1K, 3:2, 1024, 680" })
    void drawsAOneKPngCardInTheAskedAspectRatio(String resolution, String ratio, int width, int height) throws Exception {
        ProviderImage image = provider.generate(call(PROMPT, Resolution.parse(resolution), ratio));

        assertThat(image.mimeType()).isEqualTo("image/png");
        BufferedImage card = png(image.bytes());
        assertThat(card.getWidth()).isEqualTo(width);
        assertThat(card.getHeight()).isEqualTo(height);
    }

    @Test
    void cardIsNotBlankSoTheTextWasDrawn() throws Exception {
        BufferedImage withText = png(provider.generate(call(PROMPT, Resolution.ONE_K, "1:1")).bytes());
        BufferedImage other = png(provider.generate(call("something else entirely", Resolution.ONE_K, "1:1")).bytes());

        assertThat(distinctColours(withText)).isGreaterThan(2);
        assertThat(sameImage(withText, other)).isFalse();
    }

    @Test
    void veryLongPromptsAndWordsAreCutToFit() throws Exception {
        String longPrompt = "word ".repeat(2000) + "x".repeat(3000);

        ProviderImage image = provider.generate(call(longPrompt, Resolution.ONE_K, "21:9"));

        assertThat(png(image.bytes()).getWidth()).isEqualTo(1024);
    }

    @Test
    void emptyPromptAndUnreadableAspectRatioStillGiveASquareCard() throws Exception {
        BufferedImage card = png(provider.generate(call("", Resolution.ONE_K, "wide")).bytes());

        assertThat(card.getWidth()).isEqualTo(card.getHeight()).isEqualTo(1024);
    }

    @Test
    void drawsInAHeadlessJvm() throws Exception {
        // a JVM without a display (CI, containers) is headless; on a desktop this proves nothing, so it is skipped
        assumeTrue(GraphicsEnvironment.isHeadless());

        BufferedImage card = png(provider.generate(call(PROMPT, null, null)).bytes());

        assertThat(card.getWidth()).isEqualTo(card.getHeight()).isEqualTo(1024);
    }

    @Test
    void toStringShowsNoPrompt() throws Exception {
        GenerationCall call = call(PROMPT, Resolution.ONE_K, "1:1");

        assertThat(provider.toString()).doesNotContain(PROMPT);
        assertThat(provider.generate(call).toString()).doesNotContain(PROMPT);
        assertThat(call.toString()).doesNotContain(PROMPT);
    }

    private static long distinctColours(BufferedImage image) {
        return IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct().count();
    }

    private static boolean sameImage(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
