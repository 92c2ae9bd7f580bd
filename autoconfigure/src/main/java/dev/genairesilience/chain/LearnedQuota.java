package dev.genairesilience.chain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The quota a provider reveals when it refuses a call for a spent quota (a {@code 429} with a wait hint, Gemini's
 * {@code RESOURCE_EXHAUSTED}, OpenAI's {@code rate_limit_exceeded}): as many calls as it admitted within one quota
 * window before the refusal. Gemini and OpenAI count requests per minute, so the window is a minute by default
 * ({@code genai.retry.quota-window}).
 *
 * <p>Until a refusal, nothing is limited; a refusal when the lane had no call admitted within the window teaches
 * nothing (the quota was spent by others). Once one came, the lane starts no more calls within any window than the
 * provider admitted, so that the end of a refusal's hold is not met by calls that the still-spent quota refuses
 * one by one (a {@code Retry-After: 10} on a per-minute quota ends long before the minute does). After each window
 * with no refusal in which this limit turned a call away, it allows one call more, so that a raised quota is found;
 * a refusal then sets it back to what was admitted, and the next growth waits twice as many windows (up to
 * {@link #MAX_GROWTH_WINDOWS}), so that a quota that was not raised costs one refusal ever more rarely. Calls count
 * from when they start; a call counts a little longer than the window ({@link #MARGIN_DIVISOR}), since the provider
 * counts it from when it arrived.
 *
 * <p>Remembers at most {@link #MAX_REMEMBERED} calls per window: a quota above that is never learned, only held to.
 * Thread-safe.
 */
final class LearnedQuota {

    /** A call counts for the window and a twentieth more (3 s of a minute). */
    private static final int MARGIN_DIVISOR = 20;
    static final int MAX_REMEMBERED = 10_000;
    static final int UNKNOWN = -1;
    /** The longest the limit waits to grow by one: 16 windows, a quarter of an hour for a per-minute quota. */
    static final int MAX_GROWTH_WINDOWS = 16;

    private final long windowMillis;
    private final long countedMillis;
    private final Clock clock;
    // when each call the provider admitted, or has not answered yet, started (clock millis), oldest first
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private int limit = UNKNOWN;
    private long limitSetAt;
    private boolean turnedAway;
    // windows to wait before the next growth: doubled each time a growth met a refusal, back to one when one held
    private int growthWindows = 1;
    private boolean grown;

    /** @param window the provider's quota window; zero learns nothing */
    LearnedQuota(Duration window, Clock clock) {
        this.windowMillis = window.toMillis();
        this.countedMillis = windowMillis + windowMillis / MARGIN_DIVISOR;
        this.clock = clock;
    }

    /**
     * Counts a call starting now if the learned quota has room for it.
     *
     * @return when it started, to give to {@link #refused(long)} if the provider refuses it for its quota;
     *         {@code Long.MIN_VALUE} when the quota has no room
     */
    synchronized long tryStart() {
        long now = now();
        if (windowMillis == 0) {
            return now;
        }
        forgetBefore(now - countedMillis);
        grow(now);
        if (limit != UNKNOWN && starts.size() >= limit) {
            turnedAway = true;
            return Long.MIN_VALUE;
        }
        if (starts.size() >= MAX_REMEMBERED) {
            starts.pollFirst();
        }
        starts.addLast(now);
        return now;
    }

    /** Whether a call could start now (none is counted). */
    synchronized boolean hasRoom() {
        if (windowMillis == 0 || limit == UNKNOWN) {
            return true;
        }
        long now = now();
        forgetBefore(now - countedMillis);
        grow(now);
        return starts.size() < limit;
    }

    /**
     * The provider refused the call that started at {@code start} for its spent quota: it did not use the quota,
     * and the calls it did admit within the window are the quota.
     */
    synchronized void refused(long start) {
        if (windowMillis == 0) {
            return;
        }
        removeOne(start);
        long now = now();
        forgetBefore(now - countedMillis);
        int admitted = starts.size();
        if (admitted == 0) {
            // nothing of this lane's used the quota: others spent it, and the refusal's hold is all there is to know
            return;
        }
        if (grown) {
            growthWindows = Math.min(MAX_GROWTH_WINDOWS, growthWindows * 2);
            grown = false;
        }
        limit = limit == UNKNOWN ? admitted : Math.min(limit, admitted);
        limitSetAt = now;
        turnedAway = false;
    }

    /** The call counted at {@code start} was not made after all. */
    synchronized void cancel(long start) {
        removeOne(start);
    }

    /** The most calls the lane starts within a window, or {@link #UNKNOWN} before the provider refused any. */
    synchronized int limit() {
        return limit;
    }

    private void grow(long now) {
        if (limit != UNKNOWN && turnedAway && now - limitSetAt >= windowMillis * growthWindows) {
            if (grown) {
                growthWindows = 1;
            }
            limit++;
            limitSetAt = now;
            turnedAway = false;
            grown = true;
        }
    }

    private void forgetBefore(long oldest) {
        while (!starts.isEmpty() && starts.peekFirst() < oldest) {
            starts.pollFirst();
        }
    }

    private void removeOne(long start) {
        Iterator<Long> it = starts.descendingIterator();
        while (it.hasNext()) {
            if (it.next() == start) {
                it.remove();
                return;
            }
        }
    }

    private long now() {
        return clock.millis();
    }
}
