package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.TWO_K;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.PromptBlockedException;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider's content-policy block is the caller's prompt, never the provider's ill health. */
class ChainExecutorContentBlockedTest {

    private static final Failure BLOCKED = new Failure(FailureKind.CONTENT_BLOCKED, 200, null,
            "the provider's content policy refused the prompt (IMAGE_SAFETY)");

    private final Engine engine = new Engine();

    @Test
    void blockedPromptsAreRejectedWithoutRetryAndLeaveTheBreakerClosed() {
        ScriptedCall pro = ScriptedCall.failing(BLOCKED);
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");
        Plan<String> plan = Engine.plan(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash));

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> engine.executor.execute(plan))
                    .isInstanceOfSatisfying(PromptBlockedException.class, e -> {
                        assertThat(e.field()).isEqualTo("prompt");
                        assertThat(e.provider()).isEqualTo("pro");
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.getMessage()).contains("content policy of pro").contains("nothing was generated");
                    });
        }

        CircuitBreaker breaker = engine.breaker("pro");
        assertThat(pro.calls()).isEqualTo(8);
        assertThat(flash.calls()).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(engine.budgets.snapshot("pro").retries()).isZero();
    }

    @Test
    void withNextProviderTheBlockingProvidersOtherStepsAreSkippedAndTheNextOneAnswers() {
        ScriptedCall pro = ScriptedCall.failing(BLOCKED);
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");
        Plan<String> plan = Plan.<String>builder("shots", Duration.ofSeconds(60))
                .steps(List.of(step("pro", FOUR_K, pro), step("pro", TWO_K, pro), step("flash", FOUR_K, flash)))
                .onContentBlocked(ContentBlockedAction.NEXT_PROVIDER).build();

        for (int i = 0; i < 8; i++) {
            Outcome<String> outcome = engine.executor.execute(plan);
            assertThat(outcome.value()).isEqualTo("flash-image");
            assertThat(outcome.attempts()).extracting(a -> a.failure()).containsExactly(FailureKind.CONTENT_BLOCKED,
                    null);
        }

        assertThat(pro.calls()).isEqualTo(8);
        assertThat(engine.breaker("pro").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(engine.breaker("pro").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void anUnrecognisedExceptionDoesNotCountAgainstTheProvider() {
        ScriptedCall pro = ScriptedCall.failing(FailureKind.UNKNOWN);
        Plan<String> plan = Engine.plan(step("pro", FOUR_K, pro), step("flash", FOUR_K,
                ScriptedCall.succeeding("flash-image")));

        for (int i = 0; i < 8; i++) {
            assertThat(engine.executor.execute(plan).value()).isEqualTo("flash-image");
        }

        assertThat(engine.breaker("pro").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(engine.breaker("pro").getMetrics().getNumberOfFailedCalls()).isZero();
    }
}
