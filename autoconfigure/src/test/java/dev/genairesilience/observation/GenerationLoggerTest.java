package dev.genairesilience.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ExecutionReport;
import dev.genairesilience.chain.ExecutionReport.Result;
import dev.genairesilience.chain.Step;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class GenerationLoggerTest {

    private static final String PROMPT = "a \"quoted\" lighthouse\nat dusk";

    private static final Step<String> PRO = new Step<>("pro", "pro", "gemini-3-pro-image-preview", Resolution.TWO_K,
            Duration.ofSeconds(20), false, attempt -> "x");
    private static final Step<String> FLASH = new Step<>("flash", "flash", "gemini-2.5-flash-image", Resolution.ONE_K,
            Duration.ofSeconds(20), false, attempt -> "x");

    @Test
    void oneInfoLineCarriesChainOutcomeProviderResolutionAttemptsAndDurationButNoPrompt(CapturedOutput output) {
        new GenerationLogger(false).executionFinished(report());

        String line = line(output);
        assertThat(line).contains("INFO").contains("genai generation chain=product-shots outcome=DELIVERED")
                .contains("provider=flash").contains("model=gemini-2.5-flash-image").contains("resolution=1K")
                .contains("degraded=true").contains("attempts=2").contains("duration_ms=812")
                .contains("calls=\"pro/2K:OVERLOADED(503) 300ms, flash/1K:OK 500ms\"");
        assertThat(output.getAll()).doesNotContain("lighthouse");
    }

    @Test
    void thePromptIsLoggedQuotedOnOneLineOnlyWhenAskedFor(CapturedOutput output) {
        new GenerationLogger(true).executionFinished(report());

        assertThat(line(output)).contains("prompt=\"a \\\"quoted\\\" lighthouse\\nat dusk\"");
    }

    @Test
    void anUnavailableGenerationSaysSoWithoutAProvider(CapturedOutput output) {
        new GenerationLogger(false).executionFinished(new ExecutionReport("product-shots", PRO, null,
                Result.UNAVAILABLE, false, List.of(), Duration.ofMillis(3), PROMPT));

        assertThat(line(output)).contains("outcome=UNAVAILABLE provider=- model=- resolution=-");
    }

    private static ExecutionReport report() {
        return new ExecutionReport("product-shots", PRO, FLASH, Result.DELIVERED, true, List.of(
                new Attempt("pro", PRO.model(), Resolution.TWO_K, FailureKind.OVERLOADED, 503, Duration.ofMillis(300),
                        Duration.ZERO),
                new Attempt("flash", FLASH.model(), Resolution.ONE_K, null, 0, Duration.ofMillis(500),
                        Duration.ZERO)), Duration.ofMillis(812), PROMPT);
    }

    private static String line(CapturedOutput output) {
        List<String> lines = output.getAll().lines().filter(l -> l.contains("genai generation")).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
