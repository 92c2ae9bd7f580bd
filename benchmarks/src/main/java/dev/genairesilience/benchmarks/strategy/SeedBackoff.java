package dev.genairesilience.benchmarks.strategy;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The recipe's layer 1 wait, tenacity's {@code wait_exponential_jitter(initial=2, max=60, jitter=5)}: after
 * attempt {@code n} fails, wait {@code min(initial × 2^(n-1) + uniform(0, jitter), max)}.
 */
final class SeedBackoff {

    private final long initialNanos;
    private final long maxNanos;
    private final long jitterNanos;
    private final RandomGenerator random;

    SeedBackoff(Duration initial, Duration max, Duration jitter, RandomGenerator random) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.jitterNanos = jitter.toNanos();
        this.random = random;
    }

    /** The wait after failed attempt {@code attemptNumber} (1 for the first). */
    Duration after(int attemptNumber) {
        double exponential = initialNanos * Math.pow(2, attemptNumber - 1);
        double jitter = jitterNanos == 0 ? 0 : random.nextDouble() * jitterNanos;
        return Duration.ofNanos((long) Math.min(exponential + jitter, maxNanos));
    }
}
