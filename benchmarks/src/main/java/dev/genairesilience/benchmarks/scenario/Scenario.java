package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.strategy.ImageAsk;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One load scenario: the models, how the emulator scripts them, the demand, and the figures that matter for
 * it. Every duration is in scenario time; the run scales it. Each strategy gets a fresh emulator with the same
 * script.
 */
public interface Scenario {

    /** The name in the results table. */
    String name();

    /** What happens, for the results page, in scenario time. */
    String description();

    /** The models offered, preferred first; the first is the one the scenario makes fail. */
    List<ModelEndpoint> models();

    /** The size of the client pool. */
    int clientThreads();

    /** The demand. */
    List<LoadPhase> phases();

    /** What every request asks for; unless a scenario says otherwise, 1K with no degrade ladder. */
    default ImageAsk ask() {
        return ImageAsk.DEFAULT;
    }

    /** The prompt of request {@code index}; unless a scenario says otherwise, one of its own for each request. */
    default String prompt(int index) {
        return Prompts.of(index);
    }

    /** Scripts the emulator's models for traffic starting at {@code start} (wall clock). */
    void script(ProviderEmulator emulator, Instant start, TimeScale scale);

    /** Changes to the script during the run, in the order they happen; none unless a scenario says otherwise. */
    default List<ScriptChange> changes() {
        return List.of();
    }

    /** The figures of one run that matter for this scenario, by name, in display order. */
    Map<String, String> figures(RunResult run);

    /** The targets for this scenario, checked on the runs; empty when it sets none. */
    List<TargetCheck> targets(Map<StrategyKind, RunResult> runs);
}
