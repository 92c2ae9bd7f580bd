package dev.genairesilience.batch;

import dev.genairesilience.schedule.DailyWindow;
import dev.genairesilience.schedule.PeakHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The daily off-peak window in which queued jobs run, such as {@code 02:00-07:00} in {@code America/Los_Angeles},
 * or {@code always}; never inside the peak hours it {@link #excluding(PeakHours) excludes}. A window whose end is not
 * after its start crosses midnight ({@code 22:00-06:00}).
 *
 * <p>Times are wall-clock times in the zone, so on daylight-saving days a window is shorter or longer in real time
 * (the rules are {@link DailyWindow}'s). An opening is a stretch of time inside the window and outside every peak:
 * a peak in the middle of the window splits it in two openings.
 */
public final class BatchWindow {

    // an opening further away than this means the window lies inside the peak hours and never opens
    private static final Duration FURTHEST_OPENING = Duration.ofDays(8);

    private final DailyWindow daily;
    private final PeakHours peak;

    private BatchWindow(DailyWindow daily, PeakHours peak) {
        this.daily = daily;
        this.peak = peak;
    }

    /** A window that is always open: queued jobs run as soon as the drain limits allow. */
    public static BatchWindow always() {
        return new BatchWindow(null, PeakHours.none());
    }

    /**
     * Parses {@code HH:mm-HH:mm} or {@code always}.
     *
     * @throws IllegalArgumentException saying what is wrong when the text is neither, or the window is empty
     */
    public static BatchWindow parse(String spec, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String text = spec == null ? "" : spec.trim();
        if (text.equalsIgnoreCase("always")) {
            return always();
        }
        if (!DailyWindow.looksLikeWindow(text)) {
            throw new IllegalArgumentException(
                    "'" + spec + "' is neither HH:mm-HH:mm (such as 02:00-07:00) nor 'always'");
        }
        try {
            return new BatchWindow(DailyWindow.parse(text, zone), PeakHours.none());
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("never open")) {
                throw new IllegalArgumentException(e.getMessage() + "; use 'always' for a window that never closes",
                        e);
            }
            throw e;
        }
    }

    /**
     * This window without {@code peakHours} (and without those it excluded already): jobs never run in a peak.
     *
     * @throws IllegalArgumentException when the window lies inside the peak hours, so that it would never open
     */
    public BatchWindow excluding(PeakHours peakHours) {
        BatchWindow window = new BatchWindow(daily, peak.and(peakHours));
        // whether it ever opens does not depend on the day (but for a week's daylight-saving changes, which the
        // search spans), so any instant tells
        try {
            window.nextStart(Instant.now());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return window;
    }

    /** Whether this window never closes: {@code always}, with no peak hours excluded. */
    public boolean isAlways() {
        return daily == null && peak.isEmpty();
    }

    /** Whether the window is open at {@code instant}: inside it, outside every peak. */
    public boolean contains(Instant instant) {
        return (daily == null || daily.contains(instant)) && !peak.isOn(instant);
    }

    /** {@code instant} itself when the window is open then, else the next time it opens. */
    public Instant openAt(Instant instant) {
        return contains(instant) ? instant : nextStart(instant);
    }

    /**
     * When the window opens next after the opening {@code instant} falls in (or after {@code instant}, when the
     * window is closed then): where a job goes that found no capacity in this window. An {@code always} window
     * never closes (but for the peaks it excludes), so this is when it is next open from {@code instant} on.
     */
    public Instant nextOpeningAfter(Instant instant) {
        return daily == null ? openAt(instant) : nextStart(instant);
    }

    /**
     * When {@code work} of in-window time, counted from {@code from}, is done: the time outside the window does not
     * count, so work that does not fit into this opening continues in the next ones.
     */
    public Instant drainedBy(Instant from, Duration work) {
        if (isAlways()) {
            return from.plus(work);
        }
        Instant cursor = openAt(from);
        Duration left = work;
        while (true) {
            Instant end = endOf(cursor);
            Duration available = Duration.between(cursor, end);
            if (left.compareTo(available) <= 0) {
                return cursor.plus(left);
            }
            left = left.minus(available);
            cursor = nextStart(end);
        }
    }

    /** When the opening that contains {@code instant} ends: the window closes, or a peak starts. */
    private Instant endOf(Instant instant) {
        Instant windowEnd = daily == null ? Instant.MAX : daily.endOf(instant);
        Instant peakStart = peak.nextStart(instant).orElse(Instant.MAX);
        return windowEnd.isBefore(peakStart) ? windowEnd : peakStart;
    }

    /** When the first opening that starts after {@code instant} starts. */
    private Instant nextStart(Instant instant) {
        Instant candidate = contains(instant) ? endOf(instant) : instant;
        Instant limit = instant.plus(FURTHEST_OPENING);
        while (!contains(candidate)) {
            if (candidate.isAfter(limit)) {
                throw new IllegalStateException(this + " never opens: it lies inside the peak hours");
            }
            if (daily != null && !daily.contains(candidate)) {
                candidate = daily.nextStart(candidate);
            } else {
                candidate = peak.endOf(candidate);
            }
        }
        return candidate;
    }

    @Override
    public String toString() {
        String window = daily == null ? "always" : daily.toString();
        return peak.isEmpty() ? window : window + " outside peak hours " + peak;
    }
}
