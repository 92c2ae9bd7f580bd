package dev.genairesilience.chain;

import dev.genairesilience.shared.SharedState;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one registry of {@link ProviderLane}s: one lane per provider id, the same instance for every user of that
 * provider, so that what generation, warm-up, probes and the batch queue learn about a provider they all share.
 * Its breakers come from the {@link ProviderBreakers}, its budgets from the {@link RetryBudgets}. Built with
 * {@link #builder(ProviderBreakers, RetryBudgets)}.
 */
public final class ProviderLanes {

    /** No maximum: what a lane allows in flight when the application sets no {@code max-concurrency}. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Between a provider id and a key's position in a key's lane id; never part of a provider id. */
    public static final char KEY_SEPARATOR = '#';

    private final ProviderBreakers breakers;
    private final RetryBudgets budgets;
    private final Duration maxHold;
    private final Clock clock;
    private final Map<String, Integer> maxConcurrency;
    private final Map<String, Integer> requestsPerMinute;
    private final Duration quotaWindow;
    private final SharedState shared;
    private final Duration breakerHold;
    private final ConcurrentMap<String, ProviderLane> lanes = new ConcurrentHashMap<>();

    private ProviderLanes(Builder b) {
        this.breakers = b.breakers;
        this.budgets = b.budgets;
        this.maxHold = b.maxHold;
        this.clock = b.clock;
        this.maxConcurrency = Map.copyOf(b.maxConcurrency);
        this.requestsPerMinute = Map.copyOf(b.requestsPerMinute);
        this.quotaWindow = b.quotaWindow;
        this.shared = b.shared;
        this.breakerHold = b.breakerHold;
    }

    /**
     * @param breakers where each lane's circuit breaker comes from
     * @param budgets  where each lane's retry budget is counted
     */
    public static Builder builder(ProviderBreakers breakers, RetryBudgets budgets) {
        return new Builder(breakers, budgets);
    }

    /**
     * The lane of {@code id}, the same instance every time. The lane of one key of a provider with several
     * ({@link #keyLane(String, int)}) has the provider's breaker, and its {@code max-concurrency} and
     * {@code requests-per-minute} each (a quota is per key).
     */
    public ProviderLane lane(String id) {
        return lanes.computeIfAbsent(id, key -> {
            String provider = providerOf(key);
            int max = maxConcurrency.getOrDefault(provider, UNLIMITED);
            Integer rpm = requestsPerMinute.get(provider);
            CircuitBreaker breaker = breakers.forId(provider);
            ProviderLane lane = new ProviderLane(key, breaker, budgets, maxHold, clock,
                    new ConcurrencyLimit(max, max), rpm == null ? null : evenly(key, rpm),
                    rpm == null ? null : interval(rpm), new LearnedQuota(quotaWindow, clock), shared);
            if (shared.configured() && !breakerHold.isZero() && key.equals(provider)) {
                breaker.getEventPublisher().onStateTransition(transition -> {
                    if (transition.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                        lane.holdEverywhere(breakerHold);
                    }
                });
            }
            return lane;
        });
    }

    private static Duration interval(int rpm) {
        return Duration.ofNanos(Math.max(1, 60_000_000_000L / rpm));
    }

    /** The lane id of key {@code position} (1-based) of provider {@code id}: {@code id#position}. */
    public static String keyLane(String id, int position) {
        return id + KEY_SEPARATOR + position;
    }

    /** The provider a lane id belongs to: the id itself, or the provider of a key's lane. */
    static String providerOf(String laneId) {
        int separator = laneId.lastIndexOf(KEY_SEPARATOR);
        return separator < 0 ? laneId : laneId.substring(0, separator);
    }

    /**
     * One call per {@code 1/rpm} of a minute, never a burst: so that no minute-long window, wherever it starts, sees
     * more than {@code rpm} calls (give or take the one on its edge), as a provider's quota counts them.
     */
    private static RateLimiter evenly(String id, int rpm) {
        return RateLimiter.of("genai-" + id, RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(interval(rpm))
                .timeoutDuration(Duration.ZERO).build());
    }

    /**
     * Builds {@link ProviderLanes}: holds up to 60 s, the system clock, no per-provider concurrency maximum or rate,
     * quotas learned per minute, nothing shared with other instances.
     */
    public static final class Builder {

        private final ProviderBreakers breakers;
        private final RetryBudgets budgets;
        private Duration maxHold = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Map<String, Integer> maxConcurrency = Map.of();
        private Map<String, Integer> requestsPerMinute = Map.of();
        private Duration quotaWindow = Duration.ofMinutes(1);
        private SharedState shared = SharedState.none();
        private Duration breakerHold = Duration.ZERO;

        private Builder(ProviderBreakers breakers, RetryBudgets budgets) {
            this.breakers = Objects.requireNonNull(breakers, "breakers");
            this.budgets = Objects.requireNonNull(budgets, "budgets");
        }

        /** The longest a server's wait hint holds a lane ({@code genai.retry.max-server-wait}). */
        public Builder maxHold(Duration maxHold) {
            this.maxHold = Objects.requireNonNull(maxHold, "maxHold");
            return this;
        }

        /** The time holds are measured against. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The most calls each provider id may have in flight ({@code genai.providers.<id>.max-concurrency}). */
        public Builder maxConcurrency(Map<String, Integer> maxConcurrency) {
            this.maxConcurrency = Objects.requireNonNull(maxConcurrency, "maxConcurrency");
            return this;
        }

        /** The most calls each provider id may start per minute ({@code genai.providers.<id>.requests-per-minute}). */
        public Builder requestsPerMinute(Map<String, Integer> requestsPerMinute) {
            this.requestsPerMinute = Objects.requireNonNull(requestsPerMinute, "requestsPerMinute");
            return this;
        }

        /**
         * The window a provider counts its quota in ({@code genai.retry.quota-window}); {@link Duration#ZERO} learns
         * no quota.
         */
        public Builder quotaWindow(Duration quotaWindow) {
            Objects.requireNonNull(quotaWindow, "quotaWindow");
            if (quotaWindow.isNegative()) {
                throw new IllegalArgumentException("quotaWindow must not be negative: " + quotaWindow);
            }
            this.quotaWindow = quotaWindow;
            return this;
        }

        /**
         * What the lanes share with the application's other instances ({@code genai.shared-state.*}); nothing by
         * default.
         */
        public Builder shared(SharedState shared) {
            this.shared = Objects.requireNonNull(shared, "shared");
            return this;
        }

        /**
         * How long a breaker that opens on this instance holds its provider on the others
         * ({@code genai.shared-state.breaker-hold}); {@link Duration#ZERO}, the default, publishes nothing.
         */
        public Builder breakerHold(Duration breakerHold) {
            Objects.requireNonNull(breakerHold, "breakerHold");
            if (breakerHold.isNegative()) {
                throw new IllegalArgumentException("breakerHold must not be negative: " + breakerHold);
            }
            this.breakerHold = breakerHold;
            return this;
        }

        public ProviderLanes build() {
            return new ProviderLanes(this);
        }
    }
}
