package dev.genairesilience.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** A sliding-window quota: at most {@code calls} admitted calls within any {@code window}. */
final class RateLimitWindow {

    private final int calls;
    private final Duration window;
    private final Deque<Instant> admitted = new ArrayDeque<>();

    RateLimitWindow(int calls, Duration window) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0, was " + calls);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.calls = calls;
        this.window = window;
    }

    /** Admits the call when the window has room; a refused call does not use up quota. */
    synchronized boolean tryAdmit(Instant now) {
        Instant windowStart = now.minus(window);
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(windowStart)) {
            admitted.pollFirst();
        }
        if (admitted.size() >= calls) {
            return false;
        }
        admitted.addLast(now);
        return true;
    }
}
