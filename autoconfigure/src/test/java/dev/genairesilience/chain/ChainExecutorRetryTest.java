package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.TWO_K;
import static dev.genairesilience.chain.Engine.plan;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChainExecutorRetryTest {

    private final Engine engine = new Engine();

    @Test
    void retriesARetryableFailureUpToMaxAttemptsThenMovesToTheNextStep() {
        ScriptedCall pro = ScriptedCall.failing(FailureKind.OVERLOADED);
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");

        Outcome<String> outcome = engine.executor.execute(plan(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash)));

        assertThat(pro.calls()).isEqualTo(3);
        assertThat(flash.calls()).isEqualTo(1);
        assertThat(outcome.value()).isEqualTo("flash-image");
        assertThat(outcome.attempts()).extracting(Attempt::failure)
                .containsExactly(FailureKind.OVERLOADED, FailureKind.OVERLOADED, FailureKind.OVERLOADED, null);
        assertThat(engine.sleeper.sleeps()).hasSize(2);
    }

    @Test
    void aRetryThatSucceedsStaysOnTheStepAndIsNotDegraded() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image").afterFailing(Failure.of(FailureKind.SERVER_ERROR),
                Failure.of(FailureKind.CONNECTION));

        Outcome<String> outcome = engine.executor.execute(plan(step("pro", FOUR_K, pro)));

        assertThat(outcome.value()).isEqualTo("pro-image");
        assertThat(outcome.degraded()).isFalse();
        assertThat(pro.received()).extracting(ModelAttempt::number).containsExactly(1, 2, 3);
        assertThat(outcome.attempts()).extracting(Attempt::waitBefore).containsExactlyElementsOf(
                List.of(Duration.ZERO, engine.sleeper.sleeps().get(0), engine.sleeper.sleeps().get(1)));
    }

    @Test
    void badRequestIsRejectedAfterExactlyOneCallAndNothingElseIsTried() {
        ScriptedCall pro = ScriptedCall.failing(new Failure(FailureKind.BAD_REQUEST, 400, null, "prompt too long"));
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");

        assertThatThrownBy(() -> engine.executor.execute(plan(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash))))
                .isInstanceOfSatisfying(GenerationRejectedException.class, e -> {
                    assertThat(e.field()).isNull();
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("prompt too long");
                });
        assertThat(pro.calls()).isEqualTo(1);
        assertThat(flash.calls()).isZero();
        assertThat(engine.sleeper.sleeps()).isEmpty();
    }

    @Test
    void authenticationFailureSkipsEveryRemainingStepOfThatProvider() {
        ScriptedCall pro = ScriptedCall.failing(new Failure(FailureKind.AUTHENTICATION, 401, null, null));
        ScriptedCall proLower = ScriptedCall.succeeding("pro-2k");
        ScriptedCall flash = ScriptedCall.succeeding("flash-4k");

        Outcome<String> outcome = engine.executor.execute(
                plan(step("pro", FOUR_K, pro), step("pro", TWO_K, proLower), step("flash", FOUR_K, flash)));

        assertThat(pro.calls()).isEqualTo(1);
        assertThat(proLower.calls()).isZero();
        assertThat(outcome.value()).isEqualTo("flash-4k");
    }

    @Test
    void unrecognisedFailureIsNotRetried() {
        ScriptedCall pro = ScriptedCall.failing(FailureKind.UNKNOWN);

        assertThatThrownBy(() -> engine.executor.execute(plan(step("pro", FOUR_K, pro))))
                .isInstanceOf(GenerationUnavailableException.class)
                .hasMessageContaining("pro/4K: UNKNOWN, not retryable");
        assertThat(pro.calls()).isEqualTo(1);
    }

    @Test
    void serverHintIsWaitedOutBeforeTheRetry() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image")
                .afterFailing(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(2), null));

        Outcome<String> outcome = engine.executor.execute(plan(step("pro", FOUR_K, pro)));

        assertThat(outcome.value()).isEqualTo("pro-image");
        assertThat(engine.sleeper.sleeps()).singleElement().isEqualTo(Duration.ofSeconds(2));
        assertThat(outcome.attempts().get(1).waitBefore()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void hintLongerThanMaxServerWaitMovesOnAtOnceWithoutSleeping() {
        ScriptedCall sdxl = ScriptedCall.failing(new Failure(FailureKind.MODEL_LOADING, 503, Duration.ofSeconds(2315), null));
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");

        Outcome<String> outcome = engine.executor.execute(plan(step("sdxl", FOUR_K, sdxl), step("flash", FOUR_K, flash)));

        assertThat(sdxl.calls()).isEqualTo(1);
        assertThat(engine.sleeper.sleeps()).isEmpty();
        assertThat(outcome.value()).isEqualTo("flash-image");
    }

    @Test
    void hintReachingPastTheDeadlineMovesOnAtOnce() {
        ScriptedCall pro = ScriptedCall.failing(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(4), null));
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");
        Plan<String> plan = Plan.<String>builder("short", Duration.ofSeconds(3))
                .steps(List.of(step("pro", FOUR_K, pro), step("flash", FOUR_K, flash))).build();

        Outcome<String> outcome = engine.executor.execute(plan);

        assertThat(pro.calls()).isEqualTo(1);
        assertThat(engine.sleeper.sleeps()).isEmpty();
        assertThat(outcome.value()).isEqualTo("flash-image");
    }

    @Test
    void eachAttemptTimeoutIsTheStepTimeoutOrTheTimeLeftWhicheverIsSmaller() {
        ScriptedCall slow = ScriptedCall.failing(FailureKind.OVERLOADED).taking(Duration.ofSeconds(7), engine.clock);
        Plan<String> plan = Plan.<String>builder("tight", Duration.ofSeconds(12)).step(step("pro", FOUR_K, slow))
                .build();

        assertThatThrownBy(() -> engine.executor.execute(plan)).isInstanceOf(GenerationUnavailableException.class);

        assertThat(slow.received().get(0).timeout()).isEqualTo(Engine.STEP_TIMEOUT);
        Duration expected = Duration.ofSeconds(5).minus(engine.sleeper.sleeps().get(0));
        assertThat(slow.received().get(1).timeout()).isEqualTo(expected);
        assertThat(slow.received().get(1).aspectRatio()).isNull();
    }

    @Test
    void sleepsAndCallsTogetherNeverOutlastTheDeadline() {
        Random random = new Random(11);
        for (int run = 0; run < 300; run++) {
            Engine fresh = new Engine();
            Duration deadline = Duration.ofMillis(500 + random.nextInt(20_000));
            ScriptedCall a = ScriptedCall.failing(new Failure(FailureKind.RATE_LIMITED, 429,
                    Duration.ofMillis(random.nextInt(6_000)), null)).taking(Duration.ofMillis(random.nextInt(8_000)),
                            fresh.clock);
            ScriptedCall b = ScriptedCall.failing(FailureKind.OVERLOADED)
                    .taking(Duration.ofMillis(random.nextInt(12_000)), fresh.clock);
            Plan<String> plan = Plan.<String>builder("random", deadline)
                    .steps(List.of(step("a", FOUR_K, a), step("b", FOUR_K, b))).build();
            Instant start = fresh.clock.instant();

            assertThatThrownBy(() -> fresh.executor.execute(plan)).isInstanceOf(GenerationUnavailableException.class);

            assertThat(Duration.between(start, fresh.clock.instant())).isLessThanOrEqualTo(deadline);
        }
    }

    @Test
    void interruptedBackoffGivesUpWithUnavailableAndKeepsTheInterruptFlag() {
        ChainExecutor executor = engine.executorBuilder(engine.settings).sleeper(millis -> {
            throw new InterruptedException();
        }).build();
        ScriptedCall pro = ScriptedCall.failing(FailureKind.OVERLOADED);
        try {
            assertThatThrownBy(() -> executor.execute(plan(step("pro", FOUR_K, pro))))
                    .isInstanceOf(GenerationUnavailableException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(pro.calls()).isEqualTo(1);
    }

    @Test
    void retryBudgetBoundsRetriesAgainstAProviderThatAlwaysFails() {
        Engine noWaits = new Engine(Engine.settingsBuilder().backoff(Duration.ZERO, 2.0, Duration.ZERO).build());
        noWaits.breaker("down").transitionToDisabledState();
        ScriptedCall down = ScriptedCall.failing(FailureKind.OVERLOADED);

        for (int request = 0; request < 200; request++) {
            assertThatThrownBy(() -> noWaits.executor.execute(plan(step("down", FOUR_K, down))))
                    .isInstanceOf(GenerationUnavailableException.class);
        }

        int retries = down.calls() - 200;
        assertThat(retries).isPositive().isLessThanOrEqualTo(10 + (int) (0.2 * 200));
        RetryBudgetSnapshot snapshot = noWaits.budgets.snapshot("down");
        assertThat(snapshot.firstAttempts()).isEqualTo(200);
        assertThat(snapshot.retries()).isEqualTo(retries);
        assertThat(snapshot.refusals()).isPositive();
    }
}
