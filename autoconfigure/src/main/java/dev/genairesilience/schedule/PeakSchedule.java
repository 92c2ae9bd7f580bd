package dev.genairesilience.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The peak hours on the engine's clock: whether a peak is on now, which window, and when that changes. The engine
 * asks it once per request; {@code /actuator/genai} and the {@code genai.peak.active} gauge show it.
 */
public final class PeakSchedule {

    private final PeakHours hours;
    private final Clock clock;

    public PeakSchedule(PeakHours hours, Clock clock) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** No peak hours on the system clock: a peak is never on. */
    public static PeakSchedule none() {
        return new PeakSchedule(PeakHours.none(), Clock.systemUTC());
    }

    /** The windows. */
    public PeakHours hours() {
        return hours;
    }

    /** Whether a peak is on now. */
    public boolean isOn() {
        return hours.isOn(clock.instant());
    }

    /** How the peak stands now. */
    public Status status() {
        Instant now = clock.instant();
        return new Status(now, hours.windowAt(now), hours.nextChange(now));
    }

    /**
     * How the peak stands at one instant.
     *
     * @param at         the instant
     * @param window     the configured window that is open then, empty when no peak is on
     * @param nextChange when a peak next starts or ends, empty when there are no peak hours
     */
    public record Status(Instant at, Optional<DailyWindow> window, Optional<Instant> nextChange) {

        /** Whether a peak is on. */
        public boolean on() {
            return window.isPresent();
        }
    }

    @Override
    public String toString() {
        return "PeakSchedule[" + hours + "]";
    }
}
