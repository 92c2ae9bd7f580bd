package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.TWO_K;
import static dev.genairesilience.chain.Engine.plan;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChainExecutorOutcomeTest {

    private final Engine engine = new Engine();
    private final ScriptedCall failing = ScriptedCall.failing(FailureKind.UNKNOWN);

    @Test
    void firstStepDeliveringIsNotDegraded() {
        Outcome<String> outcome = engine.executor.execute(plan(step("pro", FOUR_K, ScriptedCall.succeeding("x"))));

        assertThat(outcome.degraded()).isFalse();
        assertThat(outcome.step().provider()).isEqualTo("pro");
        assertThat(outcome.attempts()).singleElement().satisfies(a -> assertThat(a.succeeded()).isTrue());
    }

    @Test
    void lowerResolutionOfTheSameProviderIsDegraded() {
        Outcome<String> outcome = engine.executor.execute(
                plan(step("pro", FOUR_K, failing), step("pro", TWO_K, ScriptedCall.succeeding("x"))));

        assertThat(outcome.step().resolution()).isEqualTo(TWO_K);
        assertThat(outcome.degraded()).isTrue();
    }

    @Test
    void anotherProviderAtTheSameResolutionIsDegraded() {
        Outcome<String> outcome = engine.executor.execute(
                plan(step("pro", FOUR_K, failing), step("flash", FOUR_K, ScriptedCall.succeeding("x"))));

        assertThat(outcome.degraded()).isTrue();
    }

    @Test
    void firstStepIsDegradedWhenItIsAStandIn() {
        Step<String> card = Step.builder("card", ScriptedCall.succeeding("card-image")).resolution(FOUR_K)
                .timeout(Engine.STEP_TIMEOUT).alwaysDegraded(true).build();

        assertThat(engine.executor.execute(plan(card)).degraded()).isTrue();
    }

    @Test
    void lastResortIsCalledOnceWithItsOwnTimeoutEvenPastTheDeadlineAndIsDegraded() {
        ScriptedCall slow = ScriptedCall.failing(FailureKind.OVERLOADED).taking(Duration.ofSeconds(30), engine.clock);
        ScriptedCall cardCall = ScriptedCall.succeeding("card-image");
        Step<String> card = Step.builder("card", cardCall).resolution(FOUR_K).timeout(Duration.ofSeconds(2)).build();
        Plan<String> plan = Plan.<String>builder("tight", Duration.ofSeconds(5)).step(step("pro", FOUR_K, slow))
                .lastResort(card).aspectRatio("16:9").build();

        Outcome<String> outcome = engine.executor.execute(plan);

        assertThat(outcome.value()).isEqualTo("card-image");
        assertThat(outcome.degraded()).isTrue();
        assertThat(outcome.step()).isSameAs(card);
        assertThat(cardCall.received()).singleElement().satisfies(attempt -> {
            assertThat(attempt.timeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(attempt.aspectRatio()).isEqualTo("16:9");
            assertThat(attempt.number()).isEqualTo(outcome.attempts().size());
        });
        assertThat(outcome.attempts()).last().satisfies(a -> assertThat(a.provider()).isEqualTo("card"));
    }

    @Test
    void failingLastResortEndsInUnavailable() {
        Step<String> card = Step.builder("card", ScriptedCall.failing(FailureKind.UNKNOWN)).resolution(FOUR_K)
                .timeout(Duration.ofSeconds(2)).build();
        Plan<String> plan = Plan.<String>builder("c", Duration.ofSeconds(5)).step(step("pro", FOUR_K, failing))
                .lastResort(card).build();

        assertThatThrownBy(() -> engine.executor.execute(plan))
                .isInstanceOfSatisfying(GenerationUnavailableException.class,
                        e -> assertThat(e.attempts()).hasSize(2))
                .hasMessageContaining("last resort card/4K failed too");
    }

    @Test
    void unavailableCarriesEveryAttemptAndTheLongestServerHintAsRetryAfter() {
        ScriptedCall pro = ScriptedCall.failing(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(3), null));
        ScriptedCall sdxl = ScriptedCall.failing(new Failure(FailureKind.MODEL_LOADING, 503, Duration.ofSeconds(120), null));
        ScriptedCall flash = ScriptedCall.failing(new Failure(FailureKind.SERVER_ERROR, 500, null, null));

        assertThatThrownBy(() -> engine.executor.execute(
                plan(step("pro", FOUR_K, pro), step("sdxl", FOUR_K, sdxl), step("flash", FOUR_K, flash))))
                .isInstanceOfSatisfying(GenerationUnavailableException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(e.attempts()).extracting(Attempt::provider)
                            .containsExactly("pro", "sdxl", "flash", "flash", "flash");
                    assertThat(e.attempts()).extracting(Attempt::httpStatus)
                            .containsExactly(429, 503, 500, 500, 500);
                    assertThat(e.getMessage()).contains("sdxl/4K: MODEL_LOADING (HTTP 503), server asked to wait 120s");
                });
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        ScriptedCall pro = ScriptedCall.failing(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofMillis(50), null));

        assertThatThrownBy(() -> engine.executor.execute(plan(step("pro", FOUR_K, pro))))
                .isInstanceOfSatisfying(GenerationUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void retryAfterWithoutHintOrOpenBreakerIsTheDefaultEstimate() {
        assertThatThrownBy(() -> engine.executor.execute(plan(step("pro", FOUR_K, failing))))
                .isInstanceOfSatisfying(GenerationUnavailableException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(UnavailableReport.DEFAULT_RETRY_AFTER));
    }

    @Test
    void attemptNumbersCountAcrossTheWholeExecution() {
        ScriptedCall pro = ScriptedCall.failing(FailureKind.OVERLOADED);
        ScriptedCall flash = ScriptedCall.succeeding("x");

        engine.executor.execute(plan(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash)));

        assertThat(pro.received()).extracting(ModelAttempt::number).containsExactly(1, 2, 3);
        assertThat(flash.received()).extracting(ModelAttempt::number).containsExactly(4);
        assertThat(flash.received().get(0)).satisfies(a -> {
            assertThat(a.provider()).isEqualTo("flash");
            assertThat(a.model()).isEqualTo("flash-model");
            assertThat(a.resolution()).isEqualTo(FOUR_K);
            assertThat(a.aspectRatio()).isEqualTo("1:1");
        });
    }

    @Test
    void emptyPlanWithoutLastResortIsUnavailable() {
        assertThatThrownBy(() -> engine.executor.execute(Plan.<String>builder("none", Duration.ofSeconds(1)).build()))
                .isInstanceOf(GenerationUnavailableException.class)
                .hasMessageContaining("no step");
    }
}
