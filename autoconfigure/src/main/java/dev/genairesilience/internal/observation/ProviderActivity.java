package dev.genairesilience.internal.observation;

import dev.genairesilience.Attempt;
import dev.genairesilience.chain.ExecutionListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the providers have been doing, from every attempt the engine reports: a sliding window of calls per
 * provider (success rate, latency percentiles, per resolution too), the last calls made, and the last key or model
 * problem (401, 403, 404) of each provider until a call of it delivers again. Thread-safe.
 */
public final class ProviderActivity implements ExecutionListener {

    private final Clock clock;
    private final long windowMillis;
    private final int maxSamples;
    private final int recentSize;
    private final ConcurrentMap<String, AttemptWindow> windows = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RecentAttempt> configurationProblems = new ConcurrentHashMap<>();
    private final Deque<RecentAttempt> recent = new ArrayDeque<>();

    /**
     * @param clock      when calls ended
     * @param window     how far back the per-provider figures reach
     * @param maxSamples the most calls a provider's window holds
     * @param recentSize how many of the last calls to keep
     */
    public ProviderActivity(Clock clock, Duration window, int maxSamples, int recentSize) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.windowMillis = window.toMillis();
        this.maxSamples = maxSamples;
        this.recentSize = recentSize;
    }

    @Override
    public void attemptFinished(String plan, Attempt attempt) {
        long now = clock.millis();
        windows.computeIfAbsent(attempt.provider(), id -> new AttemptWindow(windowMillis, maxSamples))
                .add(now, attempt);
        RecentAttempt call = new RecentAttempt(clock.instant().toString(), plan, attempt.provider(), attempt.model(),
                attempt.resolution() == null ? null : attempt.resolution().label(),
                attempt.succeeded() ? "OK" : attempt.failure().name(), attempt.httpStatus(),
                attempt.duration().toMillis(), attempt.waitBefore().toMillis());
        synchronized (recent) {
            recent.addFirst(call);
            while (recent.size() > recentSize) {
                recent.removeLast();
            }
        }
        if (attempt.failure() != null && attempt.failure().misconfiguresProvider()) {
            configurationProblems.put(attempt.provider(), call);
        } else if (attempt.succeeded()) {
            configurationProblems.remove(attempt.provider());
        }
    }

    /** The calls of {@code provider} over the window. */
    public WindowStats stats(String provider) {
        return WindowStats.of(samples(provider));
    }

    /** The calls of {@code provider} over the window, by resolution label ({@code none} where it does not apply). */
    public Map<String, WindowStats> statsByResolution(String provider) {
        Map<String, List<AttemptWindow.Sample>> byResolution = new TreeMap<>();
        for (AttemptWindow.Sample sample : samples(provider)) {
            byResolution.computeIfAbsent(sample.resolution() == null ? "none" : sample.resolution(),
                    r -> new ArrayList<>()).add(sample);
        }
        Map<String, WindowStats> stats = new TreeMap<>();
        byResolution.forEach((resolution, samples) -> stats.put(resolution, WindowStats.of(samples)));
        return stats;
    }

    /** The last calls, newest first. */
    public List<RecentAttempt> recentAttempts() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** The last 401, 403 or 404 call of {@code provider}, unless a call of it has delivered since. */
    public Optional<RecentAttempt> configurationProblem(String provider) {
        return Optional.ofNullable(configurationProblems.get(provider));
    }

    private List<AttemptWindow.Sample> samples(String provider) {
        AttemptWindow window = windows.get(provider);
        return window == null ? List.of() : window.current(clock.millis());
    }
}
