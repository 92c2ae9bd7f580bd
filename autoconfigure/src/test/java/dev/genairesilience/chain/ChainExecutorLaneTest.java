package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lane's concurrency limit decides which step a request takes, without calls spent on a full provider. */
class ChainExecutorLaneTest {

    private final Engine engine = new Engine();
    private final ProviderLanes lanes = ProviderLanes.builder(new RegistryProviderBreakers(engine.registry),
            engine.budgets).clock(engine.clock).maxConcurrency(Map.of("pro", 1, "flash", 1)).build();
    private final ChainExecutor executor = ChainExecutor.builder(FailureException.classification(), lanes)
            .settings(Engine.settings()).clock(engine.clock).sleeper(engine.sleeper).build();

    @Test
    void aFullLaneSpillsToTheNextStepWithoutACall() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image");
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");
        lanes.lane("pro").tryEnter();

        Outcome<String> outcome = executor.execute(Engine.plan(step("pro", ONE_K, pro), step("flash", ONE_K, flash)));

        assertThat(outcome.value()).isEqualTo("flash-image");
        assertThat(outcome.attempts()).hasSize(1);
        assertThat(pro.calls()).isZero();
        assertThat(lanes.lane("flash").inFlight()).as("its place is given back").isZero();
        assertThat(outcome.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.provider()).isEqualTo("pro");
            assertThat(skip.reason()).isEqualTo(SkippedStep.Reason.LIMIT);
            assertThat(skip.summary()).isEqualTo("pro/1K:skipped(limit)");
        });
    }

    @Test
    void theNextRequestGoesBackToTheFirstProviderAsSoonAsItHasRoom() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image");
        Plan<String> plan = Engine.plan(step("pro", ONE_K, pro), step("flash", ONE_K,
                ScriptedCall.succeeding("flash-image")));
        LanePlace taken = lanes.lane("pro").tryEnter();
        assertThat(executor.execute(plan).value()).isEqualTo("flash-image");

        taken.leave();

        assertThat(executor.execute(plan).value()).isEqualTo("pro-image");
    }

    @Test
    void whenEveryLaneIsFullTheRequestWaitsForRoomWithinItsDeadline() throws Exception {
        ChainExecutor realTime = ChainExecutor.builder(FailureException.classification(), lanes)
                .settings(Engine.settings()).build();
        ScriptedCall pro = ScriptedCall.succeeding("pro-image");
        Plan<String> plan = Engine.plan(step("pro", ONE_K, pro), step("flash", ONE_K,
                ScriptedCall.succeeding("flash-image")));
        LanePlace proTaken = lanes.lane("pro").tryEnter();
        lanes.lane("flash").tryEnter();

        CompletableFuture<Outcome<String>> waiting = CompletableFuture.supplyAsync(() -> realTime.execute(plan));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        proTaken.leave();

        Outcome<String> outcome = waiting.get(10, TimeUnit.SECONDS);
        assertThat(outcome.value()).isEqualTo("pro-image");
        assertThat(outcome.attempts()).hasSize(1);
    }

    @Test
    void aRequestThatFindsNoRoomBeforeItsDeadlineIsUnavailableWithoutACall() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image");
        lanes.lane("pro").tryEnter();
        Plan<String> plan = Plan.<String>builder("tight", Duration.ofSeconds(5)).step(step("pro", ONE_K, pro))
                .build();

        assertThatThrownBy(() -> executor.execute(plan)).isInstanceOfSatisfying(GenerationUnavailableException.class,
                e -> {
                    assertThat(e.getMessage()).contains("lane full");
                    assertThat(e.skipped()).extracting(SkippedStep::reason).containsExactly(SkippedStep.Reason.LIMIT);
                });
        assertThat(pro.calls()).isZero();
        assertThat(engine.sleeper.sleeps()).as("it waited for room until the deadline").isNotEmpty();
    }

    @Test
    void capacityAnswersShrinkTheLimitAndDeliveriesLetItGrow() {
        ProviderLanes roomy = ProviderLanes.builder(new RegistryProviderBreakers(engine.registry), engine.budgets)
                .clock(engine.clock).build();
        ChainExecutor roomyExecutor = ChainExecutor.builder(FailureException.classification(), roomy)
                .settings(Engine.settingsBuilder().maxAttempts(1).build()).clock(engine.clock)
                .sleeper(engine.sleeper).build();
        Plan<String> overloaded = Engine.plan(step("busy", ONE_K, ScriptedCall.failing(
                new Failure(FailureKind.OVERLOADED, 503, null, null))), step("flash", ONE_K,
                ScriptedCall.succeeding("flash-image")));

        assertThat(roomy.lane("busy").concurrencyLimit()).isEqualTo(ProviderLanes.UNLIMITED);
        roomyExecutor.execute(overloaded);

        assertThat(roomy.lane("busy").concurrencyLimit()).as("nine tenths of the most ever in flight, at least 1")
                .isEqualTo(1);
        Plan<String> delivering = Engine.plan(step("busy", ONE_K, ScriptedCall.succeeding("busy-image")));
        roomyExecutor.execute(delivering);
        assertThat(roomy.lane("busy").concurrencyLimit()).as("a delivery on a full lane adds one").isEqualTo(2);
    }

    @Test
    void underQualityAFullFirstChoiceIsWaitedForRatherThanLeft() throws Exception {
        ChainExecutor realTime = ChainExecutor.builder(FailureException.classification(), lanes)
                .settings(Engine.settings()).build();
        ScriptedCall pro = ScriptedCall.succeeding("pro-image");
        ScriptedCall flash = ScriptedCall.succeeding("flash-image");
        Plan<String> plan = Plan.<String>builder("shots", Duration.ofSeconds(60))
                .steps(List.of(step("pro", ONE_K, pro), step("flash", ONE_K, flash)))
                .preference(Preference.QUALITY).build();
        LanePlace taken = lanes.lane("pro").tryEnter();

        CompletableFuture<Outcome<String>> waiting = CompletableFuture.supplyAsync(() -> realTime.execute(plan));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        taken.leave();

        assertThat(waiting.get(10, TimeUnit.SECONDS).value()).isEqualTo("pro-image");
        assertThat(flash.calls()).isZero();
    }
}
