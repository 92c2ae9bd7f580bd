package dev.genairesilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.Resolution;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Why an image is degraded, in the words the page shows, from the image's own provenance. */
class DegradationReasonsTest {

    private final DegradationReasons reasons = new DegradationReasons("pro", "card");

    @Test
    void aFallbackSaysWhichProviderServedAndWhatTheFirstOneDid() {
        GeneratedImage image = image("flash", Resolution.ONE_K, true,
                List.of(failed("pro", Resolution.TWO_K, FailureKind.OVERLOADED, 503),
                        failed("pro", Resolution.TWO_K, FailureKind.OVERLOADED, 503),
                        failed("pro", Resolution.ONE_K, FailureKind.TIMEOUT, 0), delivered("flash")),
                List.of(new SkippedStep("pro", "m", Resolution.ONE_K, SkippedStep.Reason.HELD, Duration.ofSeconds(8))));

        assertThat(reasons.of(image, Resolution.TWO_K)).containsExactly(
                "Served by flash, not the chain's first provider pro, which failed 3 calls (OVERLOADED, HTTP 503 ×2;"
                        + " TIMEOUT) and was passed over (held 8000 ms more by a server's wait hint).",
                "Delivered at 1K, below the 2K asked.");
    }

    @Test
    void aLowerRungOfTheFirstProviderSaysSo() {
        GeneratedImage image = image("pro", Resolution.ONE_K, true,
                List.of(failed("pro", Resolution.TWO_K, FailureKind.OVERLOADED, 503), delivered("pro")), List.of());

        assertThat(reasons.of(image, Resolution.TWO_K))
                .containsExactly("Delivered at 1K, below the 2K asked, a lower rung of the chain's degrade ladder.");
    }

    @Test
    void theLastResortSaysNoProviderDelivered() {
        GeneratedImage image = image("card", Resolution.ONE_K, true, List.of(delivered("card")),
                List.of(new SkippedStep("pro", "m", Resolution.TWO_K, SkippedStep.Reason.BREAKER_OPEN, null)));

        assertThat(reasons.of(image, Resolution.ONE_K)).containsExactly("No provider of the chain delivered in time,"
                + " so its last resort card drew a placeholder; pro was passed over (breaker open).");
    }

    @Test
    void anImageThatIsNotDegradedHasNoReason() {
        GeneratedImage image = image("pro", Resolution.TWO_K, false, List.of(delivered("pro")), List.of());

        assertThat(reasons.of(image, Resolution.TWO_K)).isEmpty();
    }

    private static GeneratedImage image(String provider, Resolution resolution, boolean degraded,
            List<Attempt> attempts, List<SkippedStep> skipped) {
        return new GeneratedImage(new byte[] {1}, "image/png", provider, "m", resolution, degraded, attempts, skipped,
                false);
    }

    private static Attempt failed(String provider, Resolution resolution, FailureKind kind, int status) {
        return Attempt.builder(provider, "m").resolution(resolution).failure(kind, status).build();
    }

    private static Attempt delivered(String provider) {
        return Attempt.builder(provider, "m").resolution(Resolution.ONE_K).build();
    }
}
