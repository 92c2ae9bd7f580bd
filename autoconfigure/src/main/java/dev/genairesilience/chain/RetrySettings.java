package dev.genairesilience.chain;

import java.time.Duration;

/**
 * How the engine retries one step and how much retrying each provider may see.
 *
 * @param maxAttempts       calls per step at most, the first included
 * @param initialInterval   the first backoff before jitter
 * @param multiplier        growth of the backoff per retry
 * @param maxInterval       the longest backoff the engine computes itself
 * @param maxServerWait     the longest server hint the engine honours; a longer hint moves on to the next step
 * @param budgetRatio       retries a provider may receive, as a share of its first attempts (0.2 = 20%)
 * @param budgetMinRetries  retries always allowed per provider per budget window, however few first attempts
 * @param budgetWindow      the sliding window over which the budget counts
 */
public record RetrySettings(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval,
        Duration maxServerWait, double budgetRatio, int budgetMinRetries, Duration budgetWindow) {

    /** The defaults documented for {@code genai.retry.*}. */
    public static RetrySettings defaults() {
        return new RetrySettings(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), Duration.ofSeconds(60), 0.2,
                10, Duration.ofSeconds(10));
    }
}
