package dev.genairesilience.chain;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A retry budget per provider: over a sliding window, retries stay under
 * {@code budgetMinRetries + budgetRatio × first attempts}, so an outage never turns into a retry storm.
 * Thread-safe; shared by every execution.
 */
public final class RetryBudgets {

    private final RetrySettings settings;
    private final Clock clock;
    private final ConcurrentMap<String, SlidingRetryWindow> windows = new ConcurrentHashMap<>();

    /** @param settings the budget's ratio, minimum and window; {@code clock} times the window */
    public RetryBudgets(RetrySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Counts a first attempt of a step against {@code id}: each one earns {@code budgetRatio} of a retry. */
    public void recordFirstAttempt(String id) {
        window(id).recordFirstAttempt(clock.millis());
    }

    /** Whether {@code id} may receive one more retry now; a granted retry is counted, a refused one too. */
    public boolean tryRetry(String id) {
        return tryRetry(id, settings.budgetRatio());
    }

    /** As {@link #tryRetry(String)}, with retries allowed up to {@code ratio} of first attempts instead. */
    public boolean tryRetry(String id, double ratio) {
        return window(id).tryRetry(clock.millis(), settings.budgetMinRetries(),
                Math.max(ratio, settings.budgetRatio()));
    }

    /** The counts of {@code id} over its current window (all zero for an id never seen). */
    public RetryBudgetSnapshot snapshot(String id) {
        SlidingRetryWindow window = windows.get(id);
        return window == null ? new RetryBudgetSnapshot(0, 0, 0) : window.snapshot(clock.millis());
    }

    /** The counts of every id seen, by id. */
    public Map<String, RetryBudgetSnapshot> snapshots() {
        Map<String, RetryBudgetSnapshot> all = new TreeMap<>();
        windows.forEach((id, window) -> all.put(id, window.snapshot(clock.millis())));
        return all;
    }

    private SlidingRetryWindow window(String id) {
        return windows.computeIfAbsent(id, key -> new SlidingRetryWindow(settings.budgetWindow().toMillis()));
    }
}
