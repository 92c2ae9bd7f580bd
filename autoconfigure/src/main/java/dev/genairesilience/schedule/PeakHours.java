package dev.genairesilience.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily windows in which the providers are busiest ({@code genai.peak.windows}), such as Gemini's 09:00-11:00,
 * 13:00-15:00 and 18:00-22:00 in {@code America/Los_Angeles}. Windows that overlap or touch make one peak: it ends
 * when the last of them closes.
 */
public final class PeakHours {

    // a peak that has not ended after this long never ends: of() refuses windows that cover the whole day
    private static final Duration LONGEST_PEAK = Duration.ofDays(3);

    private static final PeakHours NONE = new PeakHours(List.of());

    private final List<DailyWindow> windows;

    private PeakHours(List<DailyWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    /** No peak hours: a peak is never on. */
    public static PeakHours none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException when the windows together cover the whole day, so that a peak would never
     *                                  end
     */
    public static PeakHours of(List<DailyWindow> windows) {
        if (!windows.isEmpty() && coverWholeDay(windows)) {
            throw new IllegalArgumentException(labels(windows) + " together cover the whole day, so a peak would "
                    + "never end");
        }
        return new PeakHours(windows);
    }

    private static boolean coverWholeDay(List<DailyWindow> windows) {
        if (windows.stream().map(DailyWindow::zone).distinct().count() > 1) {
            return false;
        }
        for (int minute = 0; minute < 24 * 60; minute++) {
            LocalTime time = LocalTime.ofSecondOfDay(minute * 60L);
            if (windows.stream().noneMatch(w -> w.containsTimeOfDay(time))) {
                return false;
            }
        }
        return true;
    }

    /** The windows, as configured. */
    public List<DailyWindow> windows() {
        return windows;
    }

    /** Whether there are no windows. */
    public boolean isEmpty() {
        return windows.isEmpty();
    }

    /** These windows and {@code other}'s. */
    public PeakHours and(PeakHours other) {
        List<DailyWindow> all = new ArrayList<>(windows);
        other.windows.stream().filter(w -> !all.contains(w)).forEach(all::add);
        return of(all);
    }

    /** Whether a peak is on at {@code instant}. */
    public boolean isOn(Instant instant) {
        return windows.stream().anyMatch(w -> w.contains(instant));
    }

    /** The first configured window that is open at {@code instant}, if a peak is on. */
    public Optional<DailyWindow> windowAt(Instant instant) {
        return windows.stream().filter(w -> w.contains(instant)).findFirst();
    }

    /**
     * When the peak that is on at {@code instant} ends: when no window is open any more.
     *
     * @throws IllegalArgumentException when no peak is on at {@code instant}
     */
    public Instant endOf(Instant instant) {
        if (!isOn(instant)) {
            throw new IllegalArgumentException("no peak is on at " + instant);
        }
        Instant end = instant;
        while (isOn(end)) {
            Instant at = end;
            end = windows.stream().filter(w -> w.contains(at)).map(w -> w.endOf(at)).max(Instant::compareTo)
                    .orElseThrow();
            if (Duration.between(instant, end).compareTo(LONGEST_PEAK) > 0) {
                throw new IllegalStateException(labels(windows) + " have no end after " + instant);
            }
        }
        return end;
    }

    /** When the next peak starts after {@code instant} (after the one on then, if one is), or empty with no windows. */
    public Optional<Instant> nextStart(Instant instant) {
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        Instant from = isOn(instant) ? endOf(instant) : instant;
        return windows.stream().map(w -> w.nextStart(from)).min(Instant::compareTo);
    }

    /** When a peak next starts or ends after {@code instant}, or empty with no windows. */
    public Optional<Instant> nextChange(Instant instant) {
        return isOn(instant) ? Optional.of(endOf(instant)) : nextStart(instant);
    }

    private static String labels(List<DailyWindow> windows) {
        return windows.stream().map(DailyWindow::toString).toList().toString();
    }

    @Override
    public String toString() {
        return windows.isEmpty() ? "none" : labels(windows);
    }
}
