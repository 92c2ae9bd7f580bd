package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.Resolution.TWO_K;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Resolution;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How much of the deadline each provider of a plan may use, so that the later ones keep room to answer. */
class DeadlineSharesTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final Engine engine = new Engine();
    private final ScriptedCall call = ScriptedCall.succeeding("x");

    private Duration share(List<Step<String>> steps, int index, DeadlineShares shares) {
        Instant now = engine.clock.instant();
        return Duration.between(now, shares.shareEnd(steps, index, now, now.plus(MINUTE), lane -> false));
    }

    /** A step whose provider's timeout is the whole deadline, as with the defaults. */
    private Step<String> step(String provider, Resolution resolution, ScriptedCall call) {
        return Step.builder(provider, call).resolution(resolution).timeout(MINUTE).build();
    }

    private DeadlineShares shares() {
        return new DeadlineShares(engine.lanes, Duration.ofSeconds(15));
    }

    @Test
    void aLoneProviderMayUseTheWholeDeadline() {
        assertThat(share(List.of(step("pro", FOUR_K, call)), 0, shares())).isEqualTo(MINUTE);
    }

    @Test
    void theFallbackReserveIsKeptForALaterProviderWhoseLatencyIsUnknown() {
        List<Step<String>> steps = List.of(step("pro", FOUR_K, call), step("flash", FOUR_K, call));

        assertThat(share(steps, 0, shares())).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void twiceTheTypicalLatencyIsKeptOnceALaterProviderHasDelivered() {
        for (int i = 0; i < 5; i++) {
            ProviderLane flash = engine.lanes.lane("flash");
            flash.tryEnter().leaveDelivered(Duration.ofSeconds(4));
        }
        List<Step<String>> steps = List.of(step("pro", FOUR_K, call), step("flash", FOUR_K, call));

        assertThat(share(steps, 0, shares())).isEqualTo(Duration.ofSeconds(52));
    }

    @Test
    void everyProviderGetsAtLeastAnEqualShare() {
        List<Step<String>> steps = List.of(step("a", FOUR_K, call), step("b", FOUR_K, call), step("c", FOUR_K, call),
                step("d", FOUR_K, call), step("e", FOUR_K, call));

        assertThat(share(steps, 0, shares())).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aProviderThatCannotAnswerNowNeedsNothing() {
        engine.breaker("flash").transitionToOpenState();
        List<Step<String>> steps = List.of(step("pro", FOUR_K, call), step("flash", FOUR_K, call),
                step("gpt", FOUR_K, call), step("sdxl", FOUR_K, call));
        Instant now = engine.clock.instant();

        Instant end = shares().shareEnd(steps, 0, now, now.plus(MINUTE), lane -> lane.equals("gpt"));

        assertThat(Duration.between(now, end)).as("only sdxl can answer after pro").isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aShortHoldDoesNotExcuseALaterProvider() {
        engine.lanes.lane("flash").hold(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(5), null));
        List<Step<String>> steps = List.of(step("pro", FOUR_K, call), step("flash", FOUR_K, call));

        assertThat(share(steps, 0, shares())).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theReserveIsNeverMoreThanTheLaterProvidersTimeout() {
        List<Step<String>> steps = List.of(step("pro", FOUR_K, call),
                Step.builder("flash", call).resolution(FOUR_K).timeout(Duration.ofSeconds(5)).build());

        assertThat(share(steps, 0, shares())).isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void aProvidersShareCoversAllItsRungsOfTheLadder() {
        DeadlineShares shares = shares();
        List<Step<String>> steps = List.of(step("pro", FOUR_K, call), step("pro", TWO_K, call),
                step("pro", ONE_K, call), step("flash", FOUR_K, call));
        Instant now = engine.clock.instant();
        Instant first = shares.shareEnd(steps, 0, now, now.plus(MINUTE), lane -> false);

        engine.clock.advance(Duration.ofSeconds(30));
        Instant later = engine.clock.instant();

        assertThat(shares.shareEnd(steps, 2, later, now.plus(MINUTE), lane -> false)).isEqualTo(first);
        assertThat(shares.shareEnd(steps, 3, later, now.plus(MINUTE), lane -> false)).isEqualTo(now.plus(MINUTE));
    }
}
