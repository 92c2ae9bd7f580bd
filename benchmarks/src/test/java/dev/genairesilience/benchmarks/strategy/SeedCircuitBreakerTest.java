package dev.genairesilience.benchmarks.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeedCircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final SeedCircuitBreaker breaker = new SeedCircuitBreaker(5, Duration.ofSeconds(60), now::get);

    @Test
    void opensAtTheFifthFailureWithoutASuccessBetween() {
        failTimes(4);
        assertThat(breaker.canProceed()).isTrue();
        breaker.recordFailure();
        assertThat(breaker.canProceed()).isFalse();
    }

    @Test
    void aSuccessResetsTheCount() {
        failTimes(4);
        breaker.recordSuccess();
        failTimes(4);
        assertThat(breaker.canProceed()).isTrue();
    }

    @Test
    void afterTheResetTimeoutExactlyOneProbeGoesThrough() {
        failTimes(5);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(breaker.canProceed()).isTrue();
        assertThat(breaker.canProceed()).isFalse();
    }

    @Test
    void aFailedProbeOpensItAgainForAnotherTimeout() {
        failTimes(5);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        breaker.canProceed();
        breaker.recordFailure();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.canProceed()).isFalse();
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(breaker.canProceed()).isTrue();
    }

    @Test
    void aSuccessfulProbeClosesIt() {
        failTimes(5);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        breaker.canProceed();
        breaker.recordSuccess();
        assertThat(breaker.isClosed()).isTrue();
        assertThat(breaker.canProceed()).isTrue();
    }

    private void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            breaker.recordFailure();
        }
    }
}
