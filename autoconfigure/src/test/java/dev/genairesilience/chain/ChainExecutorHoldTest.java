package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.ONE_K;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server's wait hint holds its provider for every execution until it has passed. */
class ChainExecutorHoldTest {

    private static final Failure QUOTA_SPENT = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(4), null);

    private final Engine engine = new Engine(Engine.settingsBuilder().maxAttempts(1).build());

    @Test
    void whileAProviderIsHeldOtherRequestsGoStraightToTheNextProvider() {
        ScriptedCall primary = ScriptedCall.succeeding("primary").afterFailing(QUOTA_SPENT);
        ScriptedCall secondary = ScriptedCall.succeeding("secondary");
        Plan<String> plan = Engine.plan(Engine.step("primary", ONE_K, primary), Engine.step("secondary", ONE_K,
                secondary));

        assertThat(engine.executor.execute(plan).value()).isEqualTo("secondary");
        Outcome<String> second = engine.executor.execute(plan);

        assertThat(second.value()).isEqualTo("secondary");
        assertThat(second.attempts()).hasSize(1);
        assertThat(second.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.reason()).isEqualTo(SkippedStep.Reason.HELD);
            assertThat(skip.heldFor()).isEqualTo(Duration.ofSeconds(4));
            assertThat(skip.summary()).isEqualTo("primary/1K:skipped(held 4000ms)");
        });
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(engine.sleeper.sleeps()).isEmpty();
    }

    @Test
    void onceTheHintHasPassedTheProviderIsCalledAgain() {
        ScriptedCall primary = ScriptedCall.succeeding("primary").afterFailing(QUOTA_SPENT);
        Plan<String> plan = Engine.plan(Engine.step("primary", ONE_K, primary), Engine.step("secondary", ONE_K,
                ScriptedCall.succeeding("secondary")));
        engine.executor.execute(plan);

        engine.clock.advance(Duration.ofSeconds(4));

        assertThat(engine.executor.execute(plan).value()).isEqualTo("primary");
        assertThat(primary.calls()).isEqualTo(2);
    }

    @Test
    void withNoOtherProviderTheHoldIsWaitedOutAndShownAsTheWaitBeforeTheCall() {
        ScriptedCall only = ScriptedCall.succeeding("image").afterFailing(QUOTA_SPENT);
        Plan<String> plan = Engine.plan(Engine.step("only", ONE_K, only));
        catchUnavailable(plan);

        Outcome<String> outcome = engine.executor.execute(plan);

        assertThat(outcome.value()).isEqualTo("image");
        assertThat(outcome.attempts().get(0).waitBefore()).isEqualTo(Duration.ofSeconds(4));
        assertThat(only.calls()).isEqualTo(2);
    }

    @Test
    void aHoldLongerThanTheTimeLeftIsNotWaitedFor() {
        ScriptedCall only = ScriptedCall.succeeding("image").afterFailing(QUOTA_SPENT);
        Plan<String> first = Engine.plan(Engine.step("only", ONE_K, only));
        catchUnavailable(first);
        Plan<String> hurried = Plan.<String>builder("hurried", Duration.ofSeconds(2)).steps(first.steps())
                .aspectRatio("1:1").build();

        catchUnavailable(hurried);

        assertThat(only.calls()).isEqualTo(1);
        assertThat(engine.sleeper.sleeps()).isEmpty();
    }

    @Test
    void anAbsurdHintHoldsTheProviderOnlyForMaxServerWait() {
        Failure absurd = new Failure(FailureKind.MODEL_LOADING, 503, Duration.ofSeconds(2315), null);
        ScriptedCall cold = ScriptedCall.succeeding("image").afterFailing(absurd);
        Plan<String> plan = Engine.plan(Engine.step("cold", ONE_K, cold), Engine.step("warm", ONE_K,
                ScriptedCall.succeeding("warm")));
        engine.executor.execute(plan);

        engine.clock.advance(Duration.ofSeconds(5));

        assertThat(engine.executor.execute(plan).value()).isEqualTo("image");
    }

    @Test
    void aHoldEndsWithOneCallTheOthersFollowOnlyOnceItHasAnAnswer() {
        ScriptedCall primary = ScriptedCall.succeeding("primary").afterFailing(QUOTA_SPENT);
        ScriptedCall secondary = ScriptedCall.succeeding("secondary");
        Plan<String> plan = Engine.plan(Engine.step("primary", ONE_K, primary), Engine.step("secondary", ONE_K,
                secondary));
        engine.executor.execute(plan);
        engine.clock.advance(Duration.ofSeconds(5));
        ProviderLane lane = engine.lanes.lane("primary");
        assertThat(lane.passHoldEnd()).as("another request is finding out").isEqualTo(ProviderLane.HoldEnd.PROBE);

        assertThat(engine.executor.execute(plan).value()).isEqualTo("secondary");
        assertThat(primary.calls()).isEqualTo(1);

        lane.endHoldProbe();
        assertThat(engine.executor.execute(plan).value()).as("this one finds the provider back").isEqualTo("primary");
        assertThat(lane.passHoldEnd()).isEqualTo(ProviderLane.HoldEnd.FREE);
        assertThat(engine.executor.execute(plan).value()).isEqualTo("primary");
        assertThat(primary.calls()).isEqualTo(3);
    }

    private void catchUnavailable(Plan<String> plan) {
        assertThatThrownBy(() -> engine.executor.execute(plan)).isInstanceOf(GenerationUnavailableException.class);
    }
}
