package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.RetrySettings;
import java.time.Duration;

/**
 * {@code genai.retry.*}: how the engine retries one step, and how much retrying a provider may receive; the
 * {@code genAiRetryTemplate} bean retries the application's own calls with the same attempts, backoff and deadline.
 */
public class GenAiRetryProperties {

    /** Calls per chain step (and per execute of the genAiRetryTemplate) at most, the first included. */
    private int maxAttempts = 3;

    /** The first backoff between two calls of a step, before jitter. */
    private Duration initialInterval = Duration.ofMillis(500);

    /** How much the backoff grows per retry. */
    private double multiplier = 2.0;

    /** The longest backoff the engine computes itself (a server's hint may ask for more, up to max-server-wait). */
    private Duration maxInterval = Duration.ofSeconds(30);

    /**
     * The longest server hint (Retry-After, retryDelay, estimated_time) the engine waits for; a longer one moves on to
     * the next step.
     */
    private Duration maxServerWait = Duration.ofSeconds(60);

    /**
     * Time kept back from an attempt for each later provider of the chain whose latency is not known yet, so that a
     * provider that hangs or trickles cannot eat the deadline while the next one idles. Once a provider has delivered
     * a few calls, twice its 90th-percentile latency is kept back for it instead (at least 1s); never more than its
     * timeout. Each provider still gets at least an equal share of the time left.
     */
    private Duration fallbackReserve = Duration.ofSeconds(15);

    /**
     * The window a provider counts its quota in: a minute for Gemini's and OpenAI's requests per minute. After a
     * provider refuses a call for a spent quota (a 429 with a wait hint), its lane starts no more calls within any
     * such window than the provider admitted in the window before the refusal, and one more after each window
     * without a refusal; so the end of a short Retry-After on a per-minute quota does not meet more refusals. 0
     * turns this learning off.
     */
    private Duration quotaWindow = Duration.ofMinutes(1);

    /**
     * How long a caller of an @ModelFallback method waits in all when the annotation does not say; and how long one
     * execute of the genAiRetryTemplate may keep retrying.
     */
    private Duration defaultDeadline = Duration.ofSeconds(60);

    /** The retry budget per provider, which keeps an outage from turning into a retry storm. */
    private final Budget budget = new Budget();

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getInitialInterval() {
        return initialInterval;
    }

    public void setInitialInterval(Duration initialInterval) {
        this.initialInterval = initialInterval;
    }

    public double getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(double multiplier) {
        this.multiplier = multiplier;
    }

    public Duration getMaxInterval() {
        return maxInterval;
    }

    public void setMaxInterval(Duration maxInterval) {
        this.maxInterval = maxInterval;
    }

    public Duration getMaxServerWait() {
        return maxServerWait;
    }

    public void setMaxServerWait(Duration maxServerWait) {
        this.maxServerWait = maxServerWait;
    }

    public Duration getFallbackReserve() {
        return fallbackReserve;
    }

    public void setFallbackReserve(Duration fallbackReserve) {
        this.fallbackReserve = fallbackReserve;
    }

    public Duration getQuotaWindow() {
        return quotaWindow;
    }

    public void setQuotaWindow(Duration quotaWindow) {
        this.quotaWindow = quotaWindow;
    }

    public Duration getDefaultDeadline() {
        return defaultDeadline;
    }

    public void setDefaultDeadline(Duration defaultDeadline) {
        this.defaultDeadline = defaultDeadline;
    }

    public Budget getBudget() {
        return budget;
    }

    /** These settings as the engine takes them. */
    public RetrySettings toSettings() {
        return RetrySettings.builder().maxAttempts(maxAttempts).backoff(initialInterval, multiplier, maxInterval)
                .maxServerWait(maxServerWait).budget(budget.ratio, budget.minRetries, budget.window)
                .fallbackReserve(fallbackReserve).build();
    }

    @Override
    public String toString() {
        return "Retry[" + toSettings() + ", defaultDeadline=" + defaultDeadline + ", quotaWindow=" + quotaWindow + "]";
    }

    /** {@code genai.retry.budget.*}: retries stay a bounded share of first attempts, per provider. */
    public static class Budget {

        /** Retries a provider may receive, as a share of its first attempts in the window (0.2 = 20%). */
        private double ratio = 0.2;

        /** Retries always allowed per provider per window, however few first attempts there were. */
        private int minRetries = 10;

        /** The sliding window over which the budget counts. */
        private Duration window = Duration.ofSeconds(10);

        public double getRatio() {
            return ratio;
        }

        public void setRatio(double ratio) {
            this.ratio = ratio;
        }

        public int getMinRetries() {
            return minRetries;
        }

        public void setMinRetries(int minRetries) {
            this.minRetries = minRetries;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }
    }
}
