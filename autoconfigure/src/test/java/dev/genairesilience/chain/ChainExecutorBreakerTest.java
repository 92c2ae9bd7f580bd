package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.chain.Engine.plan;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChainExecutorBreakerTest {

    private final Engine engine = new Engine();

    @Test
    void breakerOpensAfterProviderFaultsAndItsStepIsThenSkippedWithoutACall() {
        ScriptedCall pro = ScriptedCall.failing(FailureKind.SERVER_ERROR);
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");
        Plan<String> plan = plan(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash));
        engine.executor.execute(plan);
        engine.executor.execute(plan);
        assertThat(engine.breaker("pro").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = pro.calls();

        Outcome<String> outcome = engine.executor.execute(plan);

        assertThat(pro.calls()).isEqualTo(callsWhenOpened);
        assertThat(outcome.value()).isEqualTo("flash-image");
        assertThat(outcome.degraded()).isTrue();
        assertThat(outcome.attempts()).singleElement().satisfies(a -> assertThat(a.provider()).isEqualTo("flash"));
        assertThat(outcome.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.provider()).isEqualTo("pro");
            assertThat(skip.reason()).isEqualTo(SkippedStep.Reason.BREAKER_OPEN);
        });
    }

    @Test
    void retriesStopAsSoonAsTheBreakerOpensMidStep() {
        Engine patient = new Engine(Engine.settingsBuilder().maxAttempts(6).build());
        ScriptedCall pro = ScriptedCall.failing(FailureKind.TIMEOUT);
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");

        Outcome<String> outcome = patient.executor.execute(plan(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash)));

        assertThat(pro.calls()).isEqualTo(4);
        assertThat(outcome.value()).isEqualTo("flash-image");
    }

    @Test
    void loadingAndRateLimitedDoNotCountAgainstTheBreaker() {
        ScriptedCall sdxl = ScriptedCall.failing(new Failure(FailureKind.MODEL_LOADING, 503, Duration.ofMillis(200), null));
        ScriptedCall pro = ScriptedCall.failing(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofMillis(200), null));

        for (int request = 0; request < 5; request++) {
            assertThatThrownBy(() -> engine.executor.execute(plan(step("sdxl", FOUR_K, sdxl), step("pro", FOUR_K, pro))))
                    .isInstanceOf(GenerationUnavailableException.class);
        }

        assertThat(sdxl.calls()).isGreaterThanOrEqualTo(5);
        assertThat(pro.calls()).isGreaterThanOrEqualTo(5);
        for (String id : new String[] {"sdxl", "pro"}) {
            CircuitBreaker breaker = engine.breaker(id);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
            assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
        }
    }

    @Test
    void successIsReportedToTheBreaker() {
        engine.executor.execute(plan(step("pro", FOUR_K, ScriptedCall.succeeding("pro-image"))));

        assertThat(engine.breaker("pro").getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void whenEveryBreakerIsOpenNothingIsCalledAndRetryAfterIsTheOpenStateWait() {
        engine.breaker("pro").transitionToOpenState();
        engine.breaker("flash").transitionToOpenState();
        ScriptedCall pro = ScriptedCall.succeeding("pro-image");
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");

        assertThatThrownBy(() -> engine.executor.execute(plan(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash))))
                .isInstanceOfSatisfying(GenerationUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEmpty();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(e.chain()).isEqualTo("test-chain");
                    assertThat(e.getMessage()).contains("pro/4K: circuit open", "flash/4K: circuit open");
                });
        assertThat(pro.calls() + flash.calls()).isZero();
    }

    @Test
    void openBreakerLetsAProbeThroughOnceItsWaitHasPassed() {
        engine.breaker("pro").transitionToOpenState();
        engine.clock.advance(Duration.ofSeconds(31));
        ScriptedCall pro = ScriptedCall.succeeding("pro-image");

        Outcome<String> outcome = engine.executor.execute(plan(step("pro", FOUR_K, pro)));

        assertThat(outcome.value()).isEqualTo("pro-image");
        assertThat(engine.breaker("pro").getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }
}
