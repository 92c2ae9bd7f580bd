package dev.genairesilience.benchmarks;

import java.time.Duration;

/**
 * The one factor every duration of a run is multiplied by (backoffs, breaker waits, server hints, emulator
 * latencies and service times, outage lengths, deadlines), so that minutes of traffic take seconds.
 *
 * @param factor wall time per scenario time: 0.05 makes one second take 50 ms
 */
public record TimeScale(double factor) {

    public TimeScale {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be within (0, 1], was " + factor);
        }
    }

    /** The wall time a scenario duration takes. */
    public Duration wall(Duration scenario) {
        return Duration.ofNanos(Math.round(scenario.toNanos() * factor));
    }

    /** The scenario time a measured wall time stands for. */
    public Duration scenario(Duration wall) {
        return Duration.ofNanos(Math.round(wall.toNanos() / factor));
    }

    /** A scaled duration as a Spring property value, in whole milliseconds and never below 1 ms. */
    public String property(Duration scenario) {
        return Math.max(1, wall(scenario).toMillis()) + "ms";
    }
}
