package dev.genairesilience.chain;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one registry of {@link ProviderLane}s: one lane per provider id, the same instance for every user of that
 * provider, so that what generation, warm-up, probes and the batch queue learn about a provider they all share.
 * Its breakers come from the {@link ProviderBreakers}, its budgets from the {@link RetryBudgets}.
 */
public final class ProviderLanes {

    private final ProviderBreakers breakers;
    private final RetryBudgets budgets;
    private final Duration maxHold;
    private final Clock clock;
    private final ConcurrentMap<String, ProviderLane> lanes = new ConcurrentHashMap<>();

    /**
     * @param breakers where each lane's circuit breaker comes from
     * @param budgets  where each lane's retry budget is counted
     * @param maxHold  the longest a server's wait hint holds a lane ({@code genai.retry.max-server-wait})
     * @param clock    the time holds are measured against
     */
    public ProviderLanes(ProviderBreakers breakers, RetryBudgets budgets, Duration maxHold, Clock clock) {
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.budgets = Objects.requireNonNull(budgets, "budgets");
        this.maxHold = Objects.requireNonNull(maxHold, "maxHold");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The lane of {@code id}, the same instance every time. */
    public ProviderLane lane(String id) {
        return lanes.computeIfAbsent(id, key -> new ProviderLane(key, breakers.forId(key), budgets, maxHold, clock));
    }
}
