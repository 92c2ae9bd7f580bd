package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider that hangs cannot take the time the next provider of the chain needs. */
class ChainExecutorDeadlineShareTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(60);

    private final Engine engine = new Engine();

    private static Step<String> step(String provider, ScriptedCall call) {
        return Step.builder(provider, call).resolution(FOUR_K).timeout(PROVIDER_TIMEOUT).build();
    }

    @Test
    void aHangingProviderLeavesTheFallbackReserveToTheNextProvider() {
        ScriptedCall hanging = ScriptedCall.succeeding("never").taking(Duration.ofMinutes(10), engine.clock);
        ScriptedCall healthy = ScriptedCall.succeeding("healthy-image");
        Plan<String> plan = Plan.<String>builder("shots", DEADLINE)
                .steps(List.of(step("hanging", hanging), step("healthy", healthy))).build();
        Instant start = engine.clock.instant();

        Outcome<String> outcome = engine.executor.execute(plan);

        assertThat(outcome.value()).isEqualTo("healthy-image");
        assertThat(Duration.between(start, engine.clock.instant())).isLessThanOrEqualTo(DEADLINE);
        Attempt first = outcome.attempts().get(0);
        assertThat(first.failure()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(first.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(hanging.calls()).as("no retry eats the reserve").isEqualTo(1);
        assertThat(outcome.attempts().get(1).timeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void onceTheNextProviderIsKnownToBeFastTheFirstOneGetsMoreTime() {
        ScriptedCall healthy = ScriptedCall.succeeding("healthy-image").taking(Duration.ofSeconds(2), engine.clock);
        for (int i = 0; i < 5; i++) {
            engine.executor.execute(Plan.<String>builder("warm", DEADLINE).step(step("healthy", healthy)).build());
        }
        ScriptedCall hanging = ScriptedCall.succeeding("never").taking(Duration.ofMinutes(10), engine.clock);
        Plan<String> plan = Plan.<String>builder("shots", DEADLINE)
                .steps(List.of(step("hanging", hanging), step("healthy", healthy))).build();

        Outcome<String> outcome = engine.executor.execute(plan);

        assertThat(outcome.value()).isEqualTo("healthy-image");
        assertThat(outcome.attempts().get(0).timeout()).isEqualTo(Duration.ofSeconds(56));
    }
}
