package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.testsupport.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The image-generation breaker defaults, fed call outcomes directly; the over-HTTP proof is in the it package. */
class GenAiBreakerDefaultsTest {

    private static final RuntimeException FAULT = new IllegalStateException("503 overloaded");

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = CircuitBreaker.of("pro", GenAiBreakerDefaults.config(clock));

    @Test
    void sixteenProviderFaultsInARowOpenItAndFifteenDoNot() {
        record(breaker, GenAiBreakerDefaults.FAULTS_IN_A_ROW - 1, true);
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);

        record(breaker, 1, true);

        assertThat(breaker.getState()).isEqualTo(State.OPEN);
    }

    @Test
    void oneSuccessAmongTheLastSixteenCallsKeepsItClosed() {
        record(breaker, 20, false);
        record(breaker, 15, true);
        record(breaker, 1, false);
        record(breaker, 15, true);
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);

        record(breaker, 1, true);

        assertThat(breaker.getState()).as("sixteen in a row since the success").isEqualTo(State.OPEN);
    }

    @Test
    void aSeededFortyFivePercentBrownoutOfTwoThousandCallsNeverOpensItWhereTheFormerDefaultDid() {
        CircuitBreaker former = CircuitBreaker.of("former", CircuitBreakerConfig.custom().slidingWindowSize(20)
                .minimumNumberOfCalls(5).failureRateThreshold(50).build());
        List<State> states = new ArrayList<>();
        breaker.getEventPublisher().onStateTransition(e -> states.add(e.getStateTransition().getToState()));
        Random brownout = new Random(45);
        int faults = 0;
        for (int i = 0; i < 2000; i++) {
            boolean fails = brownout.nextDouble() < 0.45;
            faults += fails ? 1 : 0;
            record(breaker, 1, fails);
            if (former.getState() == State.CLOSED) {
                record(former, 1, fails);
            }
        }

        assertThat(faults).isBetween(800, 1000);
        assertThat(states).isEmpty();
        assertThat(former.getState()).isEqualTo(State.OPEN);
    }

    @Test
    void eachReopeningDoublesTheOpenWaitFromTwoSecondsToAtMostTenAndClosingStartsAgain() {
        record(breaker, GenAiBreakerDefaults.FAULTS_IN_A_ROW, true);
        for (long seconds : new long[] {2, 4, 8, 10, 10}) {
            assertThat(openFor(breaker)).isEqualTo(Duration.ofSeconds(seconds));
            record(breaker, GenAiBreakerDefaults.PROBES, true);
            assertThat(breaker.getState()).isEqualTo(State.OPEN);
        }
        clock.advance(Duration.ofSeconds(10).plusMillis(1));
        record(breaker, GenAiBreakerDefaults.PROBES, false);
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);

        record(breaker, GenAiBreakerDefaults.FAULTS_IN_A_ROW, true);

        assertThat(openFor(breaker)).isEqualTo(GenAiBreakerDefaults.FIRST_OPEN_WAIT);
    }

    @Test
    void oneSuccessAmongTheThreeProbesClosesItAndOnlyThreeFailedProbesReopenIt() {
        record(breaker, GenAiBreakerDefaults.FAULTS_IN_A_ROW, true);
        clock.advance(GenAiBreakerDefaults.FIRST_OPEN_WAIT.plusMillis(1));
        record(breaker, 2, true);
        assertThat(breaker.getState()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.tryAcquirePermission()).as("no more than three probes at once").isFalse();
        breaker.onSuccess(1, TimeUnit.SECONDS);
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);

        record(breaker, GenAiBreakerDefaults.FAULTS_IN_A_ROW, true);
        clock.advance(GenAiBreakerDefaults.FIRST_OPEN_WAIT.plusMillis(1));
        record(breaker, GenAiBreakerDefaults.PROBES, true);

        assertThat(breaker.getState()).isEqualTo(State.OPEN);
    }

    @Test
    void slowCallsNeverOpenIt() {
        for (int i = 0; i < 2 * GenAiBreakerDefaults.FAULTS_IN_A_ROW; i++) {
            breaker.onSuccess(Duration.ofDays(1).toNanos(), TimeUnit.NANOSECONDS);
        }

        assertThat(breaker.getState()).isEqualTo(State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfSlowCalls()).isZero();
    }

    @Test
    void theDefaultsAreCountBasedAndTransitionOnTheNextRequest() {
        CircuitBreakerConfig config = GenAiBreakerDefaults.config();

        assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
        assertThat(config.getSlidingWindowSize()).isEqualTo(16);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(16);
        assertThat(config.getFailureRateThreshold()).isEqualTo(100f);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
        assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isFalse();
        assertThat(config.getMaxWaitDurationInHalfOpenState()).isZero();
    }

    /** How long the open breaker refuses calls on the test clock, which it leaves just past the wait, half-open. */
    private Duration openFor(CircuitBreaker open) {
        assertThat(open.getState()).isEqualTo(State.OPEN);
        Duration waited = Duration.ZERO;
        Duration step = Duration.ofMillis(500);
        while (!open.tryAcquirePermission()) {
            clock.advance(step);
            waited = waited.plus(step);
            assertThat(waited).isLessThanOrEqualTo(Duration.ofMinutes(1));
        }
        open.releasePermission();
        return waited.minus(step);
    }

    /** Records {@code n} calls, each taking its permission first, all failing with a provider fault or all not. */
    private static void record(CircuitBreaker breaker, int n, boolean fail) {
        for (int i = 0; i < n; i++) {
            assertThat(breaker.tryAcquirePermission()).as("call %d is permitted", i + 1).isTrue();
            if (fail) {
                breaker.onError(1, TimeUnit.SECONDS, FAULT);
            } else {
                breaker.onSuccess(1, TimeUnit.SECONDS);
            }
        }
    }
}
