package dev.genairesilience.chain;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine retries one step, how much retrying each provider may see, and how much of a deadline it keeps
 * back for a chain's later providers. {@link #builder()} starts from the defaults documented for
 * {@code genai.retry.*}.
 */
public final class RetrySettings {

    private final int maxAttempts;
    private final Duration initialInterval;
    private final double multiplier;
    private final Duration maxInterval;
    private final Duration maxServerWait;
    private final double budgetRatio;
    private final int budgetMinRetries;
    private final Duration budgetWindow;
    private final Duration fallbackReserve;

    private RetrySettings(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialInterval = Objects.requireNonNull(b.initialInterval, "initialInterval");
        this.multiplier = b.multiplier;
        this.maxInterval = Objects.requireNonNull(b.maxInterval, "maxInterval");
        this.maxServerWait = Objects.requireNonNull(b.maxServerWait, "maxServerWait");
        this.budgetRatio = b.budgetRatio;
        this.budgetMinRetries = b.budgetMinRetries;
        this.budgetWindow = Objects.requireNonNull(b.budgetWindow, "budgetWindow");
        this.fallbackReserve = Objects.requireNonNull(b.fallbackReserve, "fallbackReserve");
    }

    /** The defaults documented for {@code genai.retry.*}. */
    public static RetrySettings defaults() {
        return builder().build();
    }

    /** A builder holding the defaults; set what differs. */
    public static Builder builder() {
        return new Builder();
    }

    /** Calls per step at most, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The first backoff before jitter. */
    public Duration initialInterval() {
        return initialInterval;
    }

    /** Growth of the backoff per retry. */
    public double multiplier() {
        return multiplier;
    }

    /** The longest backoff the engine computes itself. */
    public Duration maxInterval() {
        return maxInterval;
    }

    /** The longest server hint the engine honours; a longer hint moves on to the next step. */
    public Duration maxServerWait() {
        return maxServerWait;
    }

    /** Retries a provider may receive, as a share of its first attempts (0.2 = 20%). */
    public double budgetRatio() {
        return budgetRatio;
    }

    /** Retries always allowed per provider per budget window, however few first attempts. */
    public int budgetMinRetries() {
        return budgetMinRetries;
    }

    /** The sliding window over which the budget counts. */
    public Duration budgetWindow() {
        return budgetWindow;
    }

    /**
     * The time kept back from an attempt for each later provider of the chain whose latency is not known yet;
     * see {@link DeadlineReserve}.
     */
    public Duration fallbackReserve() {
        return fallbackReserve;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetrySettings s && maxAttempts == s.maxAttempts && initialInterval.equals(s.initialInterval)
                && Double.compare(multiplier, s.multiplier) == 0 && maxInterval.equals(s.maxInterval)
                && maxServerWait.equals(s.maxServerWait) && Double.compare(budgetRatio, s.budgetRatio) == 0
                && budgetMinRetries == s.budgetMinRetries && budgetWindow.equals(s.budgetWindow)
                && fallbackReserve.equals(s.fallbackReserve);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialInterval, multiplier, maxInterval, maxServerWait, budgetRatio,
                budgetMinRetries, budgetWindow, fallbackReserve);
    }

    @Override
    public String toString() {
        return "RetrySettings[maxAttempts=" + maxAttempts + ", initialInterval=" + initialInterval + ", multiplier="
                + multiplier + ", maxInterval=" + maxInterval + ", maxServerWait=" + maxServerWait + ", budgetRatio="
                + budgetRatio + ", budgetMinRetries=" + budgetMinRetries + ", budgetWindow=" + budgetWindow
                + ", fallbackReserve=" + fallbackReserve + "]";
    }

    /** Builds {@link RetrySettings}, starting from the documented defaults. */
    public static final class Builder {

        private int maxAttempts = 3;
        private Duration initialInterval = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxInterval = Duration.ofSeconds(30);
        private Duration maxServerWait = Duration.ofSeconds(60);
        private double budgetRatio = 0.2;
        private int budgetMinRetries = 10;
        private Duration budgetWindow = Duration.ofSeconds(10);
        private Duration fallbackReserve = Duration.ofSeconds(15);

        private Builder() {
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Backoff: the first interval, its growth per retry and its cap, before full jitter. */
        public Builder backoff(Duration initialInterval, double multiplier, Duration maxInterval) {
            this.initialInterval = initialInterval;
            this.multiplier = multiplier;
            this.maxInterval = maxInterval;
            return this;
        }

        public Builder maxServerWait(Duration maxServerWait) {
            this.maxServerWait = maxServerWait;
            return this;
        }

        /** The retry budget: {@code minRetries + ratio × first attempts} retries per provider per {@code window}. */
        public Builder budget(double ratio, int minRetries, Duration window) {
            this.budgetRatio = ratio;
            this.budgetMinRetries = minRetries;
            this.budgetWindow = window;
            return this;
        }

        public Builder fallbackReserve(Duration fallbackReserve) {
            this.fallbackReserve = fallbackReserve;
            return this;
        }

        public RetrySettings build() {
            return new RetrySettings(this);
        }
    }
}
