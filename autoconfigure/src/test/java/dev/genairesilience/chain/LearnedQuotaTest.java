package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A quota refusal teaches the lane how many calls its provider admits per window. */
class LearnedQuotaTest {

    private static final long REFUSED = Long.MIN_VALUE;

    private final MutableClock clock = new MutableClock();
    private final LearnedQuota quota = new LearnedQuota(Duration.ofMinutes(1), clock);

    @Test
    void nothingIsLimitedUntilTheProviderRefusesACall() {
        for (int i = 0; i < 500; i++) {
            assertThat(quota.tryStart()).isNotEqualTo(REFUSED);
        }
        assertThat(quota.limit()).isEqualTo(LearnedQuota.UNKNOWN);
    }

    @Test
    void aRefusalLimitsTheWindowToTheCallsTheProviderAdmitted() {
        startEverySecond(10);
        long refusedStart = quota.tryStart();
        long inFlightStart = quota.tryStart();

        quota.refused(refusedStart);
        assertThat(quota.limit()).as("the call still in flight may have been admitted").isEqualTo(11);
        quota.refused(inFlightStart);

        assertThat(quota.limit()).isEqualTo(10);
        assertThat(quota.tryStart()).as("the window still holds the ten admitted calls").isEqualTo(REFUSED);
        assertThat(quota.hasRoom()).isFalse();
    }

    @Test
    void aCallCountsForTheWindowAndAMarginThenMakesRoom() {
        startEverySecond(10);
        quota.refused(quota.tryStart());
        clock.advance(Duration.ofSeconds(50));
        assertThat(quota.hasRoom()).as("60 s after the first call, within the margin").isFalse();

        clock.advance(Duration.ofSeconds(4));

        assertThat(quota.hasRoom()).isTrue();
        assertThat(quota.tryStart()).isNotEqualTo(REFUSED);
        assertThat(quota.tryStart()).as("one call aged out, one call started").isEqualTo(REFUSED);
    }

    @Test
    void afterAWindowWithoutARefusalOneMoreCallIsTriedAndARefusedTryWaitsTwiceAsLongNextTime() {
        startEverySecond(10);
        quota.refused(quota.tryStart());
        assertThat(quota.tryStart()).isEqualTo(REFUSED);

        clock.advance(Duration.ofSeconds(61));
        assertThat(quota.hasRoom()).isTrue();
        assertThat(quota.limit()).isEqualTo(11);

        fillAndRefuseOneMore();
        assertThat(quota.limit()).as("the provider admitted ten again").isEqualTo(10);
        assertThat(quota.tryStart()).isEqualTo(REFUSED);
        clock.advance(Duration.ofSeconds(61));
        quota.hasRoom();
        assertThat(quota.limit()).as("one window is not enough after a refused try").isEqualTo(10);

        clock.advance(Duration.ofSeconds(61));
        quota.hasRoom();
        assertThat(quota.limit()).isEqualTo(11);
    }

    @Test
    void aCancelledCallGivesItsPlaceBack() {
        startEverySecond(3);
        quota.refused(quota.tryStart());
        assertThat(quota.limit()).isEqualTo(3);
        clock.advance(Duration.ofSeconds(70));
        long start = quota.tryStart();

        quota.cancel(start);

        assertThat(quota.hasRoom()).isTrue();
    }

    @Test
    void aRefusalWithNothingOfTheLanesAdmittedTeachesNothing() {
        quota.refused(quota.tryStart());

        assertThat(quota.limit()).isEqualTo(LearnedQuota.UNKNOWN);
        assertThat(quota.tryStart()).isNotEqualTo(REFUSED);
    }

    @Test
    void aZeroWindowLearnsNothing() {
        LearnedQuota off = new LearnedQuota(Duration.ZERO, clock);
        off.refused(off.tryStart());

        assertThat(off.limit()).isEqualTo(LearnedQuota.UNKNOWN);
        assertThat(off.hasRoom()).isTrue();
    }

    private void startEverySecond(int calls) {
        for (int i = 0; i < calls; i++) {
            assertThat(quota.tryStart()).isNotEqualTo(REFUSED);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** Starts calls until the limit turns one away, then has the provider refuse the last that started. */
    private void fillAndRefuseOneMore() {
        long last = REFUSED;
        for (long start = quota.tryStart(); start != REFUSED; start = quota.tryStart()) {
            last = start;
        }
        quota.refused(last);
    }
}
