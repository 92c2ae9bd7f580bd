package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.chain.Engine.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chain's {@code prefer} decides how long it holds on to its first provider. */
class ChainExecutorPreferenceTest {

    private static final Failure OVERLOADED = new Failure(FailureKind.OVERLOADED, 503, null, null);

    private final Engine engine = new Engine();

    private Plan<String> plan(Preference preference, ScriptedCall pro, ScriptedCall flash) {
        return Plan.<String>builder("shots", Duration.ofSeconds(60))
                .steps(List.of(step("pro", ONE_K, pro), step("flash", ONE_K, flash))).preference(preference).build();
    }

    @Test
    void qualityRetriesTheFirstProviderPastMaxAttempts() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image").afterFailing(OVERLOADED, OVERLOADED, OVERLOADED);

        Outcome<String> outcome = engine.executor.execute(plan(Preference.QUALITY, pro,
                ScriptedCall.succeeding("flash-image")));

        assertThat(outcome.value()).isEqualTo("pro-image");
        assertThat(pro.calls()).as("max-attempts is 3").isEqualTo(4);
    }

    @Test
    void balancedMovesOnAfterMaxAttempts() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image").afterFailing(OVERLOADED, OVERLOADED, OVERLOADED);

        Outcome<String> outcome = engine.executor.execute(plan(Preference.BALANCED, pro,
                ScriptedCall.succeeding("flash-image")));

        assertThat(outcome.value()).isEqualTo("flash-image");
        assertThat(pro.calls()).isEqualTo(3);
    }

    @Test
    void latencyLeavesAtTheFirstCapacityAnswer() {
        ScriptedCall pro = ScriptedCall.succeeding("pro-image").afterFailing(OVERLOADED);

        Outcome<String> outcome = engine.executor.execute(plan(Preference.LATENCY, pro,
                ScriptedCall.succeeding("flash-image")));

        assertThat(outcome.value()).isEqualTo("flash-image");
        assertThat(pro.calls()).isEqualTo(1);
        assertThat(engine.sleeper.sleeps()).isEmpty();
    }
}
