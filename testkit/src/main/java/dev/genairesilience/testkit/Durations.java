package dev.genairesilience.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Argument checks and sleeps on durations. */
final class Durations {

    private Durations() {
    }

    static Duration requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
        return d;
    }

    static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }

    static void sleepUntil(Instant deadline) throws InterruptedException {
        sleep(Duration.between(Instant.now(), deadline));
    }
}
