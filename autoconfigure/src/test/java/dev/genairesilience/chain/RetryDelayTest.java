package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

    private static final Duration PLENTY = Duration.ofMinutes(5);

    private final RetrySettings settings = Engine.settingsBuilder().maxAttempts(5).build();
    private final RetryDelay delay = new RetryDelay(settings, new Random(7));

    @Test
    void capGrowsByTheMultiplierUpToMaxInterval() {
        assertThat(delay.cap(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(delay.cap(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(delay.cap(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(delay.cap(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(delay.cap(500)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullJitterDrawsSpreadOverZeroToTheCapAndNeverBeyond() {
        for (int retry = 1; retry <= 6; retry++) {
            long cap = delay.cap(retry).toMillis();
            long smallest = Long.MAX_VALUE;
            long largest = Long.MIN_VALUE;
            for (int draw = 0; draw < 5_000; draw++) {
                long wait = delay.decide(Failure.of(FailureKind.OVERLOADED), retry, PLENTY).delay().toMillis();
                smallest = Math.min(smallest, wait);
                largest = Math.max(largest, wait);
            }
            assertThat(smallest).isGreaterThanOrEqualTo(0).isLessThan(cap / 10 + 1);
            assertThat(largest).isLessThanOrEqualTo(cap).isGreaterThan(cap * 9 / 10);
        }
    }

    @Test
    void serverHintIsAFloorAndMayExceedMaxInterval() {
        Failure rateLimited = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(3), null);
        for (int draw = 0; draw < 1_000; draw++) {
            StepDecision decision = delay.decide(rateLimited, 1, PLENTY);
            assertThat(decision.retry()).isTrue();
            assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void shortHintGivesWayToALongerJitteredBackoff() {
        Failure overloaded = new Failure(FailureKind.OVERLOADED, 503, Duration.ofMillis(10), null);
        long longer = 0;
        for (int draw = 0; draw < 1_000; draw++) {
            Duration wait = delay.decide(overloaded, 4, PLENTY).delay();
            assertThat(wait).isBetween(Duration.ofMillis(10), Duration.ofMillis(800));
            longer += wait.toMillis() > 10 ? 1 : 0;
        }
        assertThat(longer).isGreaterThan(900);
    }

    @Test
    void waitNeverExceedsMaxServerWaitEvenWhenMaxIntervalIsLonger() {
        RetrySettings longBackoff = Engine.settingsBuilder().maxAttempts(5)
                .backoff(Duration.ofSeconds(30), 2.0, Duration.ofSeconds(60)).build();
        RetryDelay longDelay = new RetryDelay(longBackoff, new Random(3));
        Failure hinted = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(2), null);
        for (int draw = 0; draw < 1_000; draw++) {
            assertThat(longDelay.decide(hinted, 3, PLENTY).delay()).isBetween(Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void hintLongerThanMaxServerWaitMovesOn() {
        Failure loading = new Failure(FailureKind.MODEL_LOADING, 503, Duration.ofSeconds(2315), null);

        StepDecision decision = delay.decide(loading, 1, PLENTY);

        assertThat(decision.retry()).isFalse();
        assertThat(decision.reason()).contains("2315s", "max-server-wait 5s");
    }

    @Test
    void hintNotShorterThanTheTimeLeftMovesOn() {
        Failure rateLimited = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(4), null);

        assertThat(delay.decide(rateLimited, 1, Duration.ofSeconds(4)).retry()).isFalse();
        assertThat(delay.decide(rateLimited, 1, Duration.ofSeconds(3)).reason()).contains("longer than the time left");
    }

    @Test
    void waitThatLeavesTooLittleTimeForTheCallMovesOn() {
        Failure rateLimited = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(2), null);
        Duration justShort = Duration.ofSeconds(2).plus(RetryDelay.MIN_CALL_TIME).minusMillis(1);

        assertThat(delay.decide(rateLimited, 1, justShort).retry()).isFalse();
        assertThat(delay.decide(rateLimited, 1, justShort.plusMillis(1)).retry()).isTrue();
        assertThat(delay.decide(Failure.of(FailureKind.OVERLOADED), 1, RetryDelay.MIN_CALL_TIME.minusMillis(1))
                .retry()).isFalse();
    }
}
