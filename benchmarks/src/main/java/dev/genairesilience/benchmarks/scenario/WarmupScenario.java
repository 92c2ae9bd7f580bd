package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Healthy traffic through every strategy before anything is measured, so that class loading and the JIT do not
 * land on the first measured run. Not reported.
 */
final class WarmupScenario implements Scenario {

    @Override
    public String name() {
        return "warm-up";
    }

    @Override
    public String description() {
        return "Healthy models, not reported.";
    }

    @Override
    public List<ModelEndpoint> models() {
        return Models.GEMINI_PAIR;
    }

    @Override
    public int clientThreads() {
        return 16;
    }

    @Override
    public List<LoadPhase> phases() {
        return List.of(new LoadPhase("healthy", 20, Duration.ofSeconds(15)));
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(Models.GEMINI_PAIR.get(0).model()).latency(scale.wall(Models.CALL_LATENCY)).overloadRate(0.2);
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        return Map.of();
    }

    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        return List.of();
    }
}
