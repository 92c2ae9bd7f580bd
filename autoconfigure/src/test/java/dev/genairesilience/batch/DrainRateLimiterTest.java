package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DrainRateLimiterTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void permitsAreSpacedByOneIntervalWithoutABurst() {
        DrainRateLimiter limiter = new DrainRateLimiter(10);
        long now = 1_000 * MS;

        assertThat(limiter.reserve(now)).isZero();
        assertThat(limiter.reserve(now)).isEqualTo(100 * MS);
        assertThat(limiter.reserve(now)).isEqualTo(200 * MS);
        assertThat(limiter.reserve(now + 50 * MS)).isEqualTo(250 * MS);
    }

    @Test
    void anIdleLimiterDoesNotSaveUpPermits() {
        DrainRateLimiter limiter = new DrainRateLimiter(10);
        long now = 1_000 * MS;
        limiter.reserve(now);

        long later = now + 5_000 * MS;
        assertThat(limiter.reserve(later)).isZero();
        assertThat(limiter.reserve(later)).isEqualTo(100 * MS);
    }

    @Test
    void acquiringWaitsForTheSlot() throws InterruptedException {
        DrainRateLimiter limiter = new DrainRateLimiter(20);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200 * MS - MS);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new DrainRateLimiter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrainRateLimiter(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
