package dev.genairesilience.internal.observation;

import dev.genairesilience.Attempt;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One provider's calls over a sliding time window, at most {@code maxSamples} of them (the oldest go first), so
 * memory stays bounded under any traffic. Thread-safe.
 */
final class AttemptWindow {

    /**
     * One call: when it ended, how long it took, whether it delivered, at which resolution ({@code null} for none),
     * what it cost ({@code null} when not known).
     */
    record Sample(long atMillis, long millis, boolean success, String resolution, BigDecimal cost) {
    }

    private final long windowMillis;
    private final int maxSamples;
    private final Deque<Sample> samples = new ArrayDeque<>();

    AttemptWindow(long windowMillis, int maxSamples) {
        this.windowMillis = windowMillis;
        this.maxSamples = maxSamples;
    }

    synchronized void add(long nowMillis, Attempt attempt) {
        samples.addLast(new Sample(nowMillis, attempt.duration().toMillis(), attempt.succeeded(),
                attempt.resolution() == null ? null : attempt.resolution().label(), attempt.cost()));
        while (samples.size() > maxSamples) {
            samples.removeFirst();
        }
    }

    /** The calls still inside the window at {@code nowMillis}, oldest first. */
    synchronized List<Sample> current(long nowMillis) {
        while (!samples.isEmpty() && samples.peekFirst().atMillis() < nowMillis - windowMillis) {
            samples.removeFirst();
        }
        return new ArrayList<>(samples);
    }
}
