package dev.genairesilience.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ExecutionReport.Result;
import dev.genairesilience.chain.ExecutionReport;
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

    private static final Step<String> PRO = Step.<String>builder("pro", attempt -> "x")
            .model("gemini-3-pro-image-preview").resolution(Resolution.TWO_K).timeout(Duration.ofSeconds(20)).build();
    private static final Step<String> FLASH = Step.<String>builder("flash", attempt -> "x")
            .model("gemini-2.5-flash-image").resolution(Resolution.ONE_K).timeout(Duration.ofSeconds(20)).build();

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
                Attempt.builder("pro", PRO.model()).resolution(Resolution.TWO_K)
                        .failure(FailureKind.OVERLOADED, 503).duration(Duration.ofMillis(300)).build(),
                Attempt.builder("flash", FLASH.model()).resolution(Resolution.ONE_K)
                        .duration(Duration.ofMillis(500)).build()), Duration.ofMillis(812), PROMPT);
    }

    private static String line(CapturedOutput output) {
        List<String> lines = output.getAll().lines().filter(l -> l.contains("genai generation")).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
