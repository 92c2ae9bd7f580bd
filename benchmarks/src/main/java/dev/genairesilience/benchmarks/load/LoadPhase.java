package dev.genairesilience.benchmarks.load;

import java.time.Duration;

/**
 * A stretch of steady demand, in scenario time: {@code perSecond} requests arrive each scenario second, evenly
 * spaced, for {@code length}; none at all in a {@link #pause}.
 *
 * @param name      what the phase stands for, such as {@code surge}
 * @param perSecond arrivals per scenario second
 * @param length    how long the phase lasts, in scenario time
 */
public record LoadPhase(String name, double perSecond, Duration length) {

    public LoadPhase {
        if (!(perSecond >= 0)) {
            throw new IllegalArgumentException("perSecond must not be negative, was " + perSecond);
        }
    }

    /** A stretch of {@code length} in which no request arrives. */
    public static LoadPhase pause(Duration length) {
        return new LoadPhase("pause", 0, length);
    }

    /** How many requests arrive during the phase. */
    public int arrivals() {
        return (int) Math.round(perSecond * length.toNanos() / 1e9);
    }
}
