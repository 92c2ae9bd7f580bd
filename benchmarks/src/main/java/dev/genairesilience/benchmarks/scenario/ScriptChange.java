package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A change to the emulator's script while a run goes on.
 *
 * @param at     when, in scenario time since the first arrival
 * @param change what it does to the emulator
 */
public record ScriptChange(Duration at, Consumer<ProviderEmulator> change) {

    public ScriptChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(change, "change");
    }
}
