package dev.genairesilience.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ExecutionReport.Result;
import dev.genairesilience.chain.ExecutionReport;
import dev.genairesilience.chain.Step;
import dev.genairesilience.failure.FailureKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenAiMetersTest {

    private static final Step<String> PRO = Step.<String>builder("pro", attempt -> "x").model("pro-model")
            .resolution(Resolution.TWO_K).timeout(Duration.ofSeconds(20)).build();
    private static final Step<String> FLASH = Step.<String>builder("flash", attempt -> "x").model("flash-model")
            .resolution(Resolution.ONE_K).timeout(Duration.ofSeconds(20)).build();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GenAiMeters meters = new GenAiMeters(registry);

    @Test
    void eachCallIsTimedWithItsOutcome() {
        meters.attemptFinished("shots", Attempt.builder("pro", "pro-model").resolution(Resolution.TWO_K)
                .failure(FailureKind.OVERLOADED, 503).duration(Duration.ofMillis(300)).build());
        meters.attemptFinished("shots", Attempt.builder("flash", "flash-model").resolution(Resolution.ONE_K)
                .duration(Duration.ofMillis(500)).build());

        assertThat(registry.get(GenAiMeters.ATTEMPTS).tags("chain", "shots", "provider", "pro", "model", "pro-model",
                "resolution", "2K", "outcome", "OVERLOADED").timer().count()).isEqualTo(1);
        assertThat(registry.get(GenAiMeters.ATTEMPTS).tags("provider", "flash", "outcome", "OK").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(500);
    }

    @Test
    void whatCallsCostIsCountedByProviderModelAndResolution() {
        meters.attemptFinished("shots", Attempt.builder("pro", "pro-model").resolution(Resolution.TWO_K)
                .failure(FailureKind.OVERLOADED, 503).cost(new BigDecimal("0.01")).build());
        meters.attemptFinished("shots", Attempt.builder("pro", "pro-model").resolution(Resolution.TWO_K)
                .cost(new BigDecimal("0.134")).build());
        meters.attemptFinished("shots", Attempt.builder("pro", "pro-model").resolution(Resolution.TWO_K)
                .cost(new BigDecimal("0.134")).build());
        meters.attemptFinished("shots", Attempt.builder("flash", "flash-model").resolution(Resolution.ONE_K).build());
        meters.attemptFinished("shots", Attempt.builder("card", "card").resolution(Resolution.ONE_K)
                .cost(BigDecimal.ZERO).build());

        assertThat(registry.get(GenAiMeters.COST).tags("chain", "shots", "provider", "pro", "model", "pro-model",
                "resolution", "2K").counter().count()).isCloseTo(0.278, within(1e-9));
        // no known cost, or no cost at all, adds nothing
        assertThat(registry.find(GenAiMeters.COST).tags("provider", "flash").counter()).isNull();
        assertThat(registry.find(GenAiMeters.COST).tags("provider", "card").counter()).isNull();
    }

    @Test
    void aDegradedFallbackCountsAsFallbackAndDegradationAndIsTimed() {
        meters.executionFinished(new ExecutionReport("shots", PRO, FLASH, Result.DELIVERED, true, List.of(),
                Duration.ofMillis(800), "prompt"));

        assertThat(registry.get(GenAiMeters.GENERATIONS).tags("chain", "shots", "provider", "flash", "model",
                "flash-model", "resolution", "1K", "outcome", "DELIVERED", "degraded", "true").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(GenAiMeters.FALLBACKS).tags("chain", "shots", "provider", "flash").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(GenAiMeters.DEGRADATIONS).tags("resolution", "1K").counter().count()).isEqualTo(1);
    }

    @Test
    void anUnavailableGenerationIsTimedWithoutProviderAndCountsNoFallback() {
        meters.executionFinished(new ExecutionReport("shots", PRO, null, Result.UNAVAILABLE, false, List.of(),
                Duration.ofMillis(10), null));

        assertThat(registry.get(GenAiMeters.GENERATIONS).tags("provider", "none", "outcome", "UNAVAILABLE").timer()
                .count()).isEqualTo(1);
        assertThat(registry.find(GenAiMeters.FALLBACKS).counter()).isNull();
        assertThat(registry.find(GenAiMeters.DEGRADATIONS).counter()).isNull();
    }

    @Test
    void refusalsAreCountedPerProvider() {
        meters.retryBudgetRefused("shots", PRO);
        meters.retryBudgetRefused("shots", PRO);
        meters.breakerRefused("shots", FLASH);

        assertThat(registry.get(GenAiMeters.RETRY_BUDGET_REFUSALS).tags("provider", "pro").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(GenAiMeters.BREAKER_REFUSALS).tags("provider", "flash").counter().count())
                .isEqualTo(1);
    }
}
