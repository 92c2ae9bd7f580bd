package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A lane's concurrency limit learns its provider's capacity from its answers. */
class ConcurrencyLimitTest {

    @Test
    void refusesACallOnceTheLimitIsInFlight() {
        ConcurrencyLimit limit = new ConcurrencyLimit(2, 10);

        assertThat(limit.tryAcquire()).isNotNegative();
        assertThat(limit.tryAcquire()).isNotNegative();
        assertThat(limit.tryAcquire()).isNegative();
        limit.release();
        assertThat(limit.tryAcquire()).isNotNegative();
        assertThat(limit.inFlight()).isEqualTo(2);
    }

    @Test
    void theFirstCapacityAnswerSetsTheLimitToNineTenthsOfTheMostEverInFlight() {
        ConcurrencyLimit limit = new ConcurrencyLimit(Integer.MAX_VALUE, Integer.MAX_VALUE);
        for (int i = 0; i < 20; i++) {
            limit.tryAcquire();
        }
        for (int i = 0; i < 18; i++) {
            limit.release();
        }

        limit.releaseOverCapacity(limit.tryAcquire());

        assertThat(limit.limit()).as("a refusal with 3 in flight after 20 were: not cut to 3").isEqualTo(18);
    }

    @Test
    void capacityAnswersShrinkTheLimitByATenthDownToOne() {
        ConcurrencyLimit limit = new ConcurrencyLimit(16, 100);
        for (int i = 0; i < 16; i++) {
            limit.tryAcquire();
        }
        for (int i = 0; i < 15; i++) {
            limit.release();
        }

        limit.releaseOverCapacity(0);
        assertThat(limit.limit()).isEqualTo(14);
        for (int i = 0; i < 100; i++) {
            limit.releaseOverCapacity(limit.tryAcquire());
        }
        assertThat(limit.limit()).isEqualTo(1);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void deliveriesWhileBusyLetItGrowBackUpToTheMaximum() {
        ConcurrencyLimit limit = new ConcurrencyLimit(4, 6);
        for (int round = 0; round < 10; round++) {
            int taken = 0;
            while (limit.tryAcquire() >= 0) {
                taken++;
            }
            for (int i = 0; i < taken; i++) {
                limit.releaseDelivered();
            }
        }

        assertThat(limit.limit()).isEqualTo(6);
    }

    @Test
    void aBurstOfRefusalsOfCallsStartedTogetherShrinksItOnce() {
        ConcurrencyLimit limit = new ConcurrencyLimit(20, 100);
        long[] started = new long[20];
        for (int i = 0; i < started.length; i++) {
            started[i] = limit.tryAcquire();
        }

        for (long epoch : started) {
            limit.releaseOverCapacity(epoch);
        }

        assertThat(limit.limit()).isEqualTo(18);
        limit.releaseOverCapacity(limit.tryAcquire());
        assertThat(limit.limit()).as("a call started after the decrease teaches again").isEqualTo(16);
    }

    @Test
    void deliveriesOfAnIdleLaneTeachNothing() {
        ConcurrencyLimit limit = new ConcurrencyLimit(10, 100);
        for (int i = 0; i < 50; i++) {
            limit.tryAcquire();
            limit.releaseDelivered();
        }

        assertThat(limit.limit()).as("one call at a time says nothing about room for more").isEqualTo(10);
    }

    @Test
    void saysWhetherThereIsRoomWithoutTakingIt() {
        ConcurrencyLimit limit = new ConcurrencyLimit(1, 1);

        assertThat(limit.hasRoom()).isTrue();
        assertThat(limit.hasRoom()).isTrue();
        limit.tryAcquire();
        assertThat(limit.hasRoom()).isFalse();
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThatThrownBy(() -> new ConcurrencyLimit(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
