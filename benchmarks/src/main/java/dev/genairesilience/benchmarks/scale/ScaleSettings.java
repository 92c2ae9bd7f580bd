package dev.genairesilience.benchmarks.scale;

import java.time.Duration;

/** What the {@code scale} scenario asks for, in scenario time. */
final class ScaleSettings {

    /** Generations in flight at once. */
    static final int REQUESTS = 10_000;

    /**
     * How long the generations take to arrive, evenly spaced: less than one generation, so that all are in flight
     * together once the last has arrived.
     */
    static final Duration RAMP = Duration.ofSeconds(60);

    /** How long each generation takes at the emulator. */
    static final Duration LATENCY = Duration.ofSeconds(90);

    /**
     * The provider timeout and chain deadline the application sets for such slow generations (the 60 s defaults
     * would cut them off), with room for the 2 shared cores to serve 10,000 calls.
     */
    static final Duration PATIENCE = Duration.ofSeconds(300);

    /** The heap each probe JVM gets. */
    static final String MAX_HEAP = "-Xmx512m";

    private ScaleSettings() {
    }
}
