package dev.genairesilience.benchmarks.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SeedBackoffTest {

    @Test
    void doublesFromTheInitialWaitPlusJitterAsTenacityDoes() {
        SeedBackoff backoff = new SeedBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(5),
                () -> 0L);
        // a generator drawing 0.0: no jitter
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void jitterAddsUpToItsMaximumAndTheWaitNeverPassesTheCap() {
        SeedBackoff backoff = new SeedBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(5),
                () -> -1L);
        // a generator drawing just under 1.0: almost all the jitter
        assertThat(backoff.after(1)).isBetween(Duration.ofMillis(6_999), Duration.ofSeconds(7));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(60));
    }
}
