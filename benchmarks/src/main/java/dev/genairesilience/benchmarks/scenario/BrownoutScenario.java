package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code brownout}: the primary answers 503 overloaded on 45% of calls, each drawn independently. */
final class BrownoutScenario implements Scenario {

    private static final double OVERLOAD_RATE = 0.45;
    private static final LoadPhase DEMAND = new LoadPhase("steady", 2, Duration.ofMinutes(10));

    @Override
    public String name() {
        return "brownout";
    }

    @Override
    public String description() {
        return "The primary (`gemini-3-pro-image-preview`) answers 503 overloaded on 45% of calls, drawn "
                + "independently; the secondary (`gemini-2.5-flash-image`) is healthy. Every call takes 2 s. "
                + "2 requests/s for 10 min (1,200 requests), 64 client threads.";
    }

    @Override
    public List<ModelEndpoint> models() {
        return Models.GEMINI_PAIR;
    }

    @Override
    public int clientThreads() {
        return 64;
    }

    @Override
    public List<LoadPhase> phases() {
        return List.of(DEMAND);
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(Models.GEMINI_PAIR.get(0).model()).overloadRate(OVERLOAD_RATE)
                .latency(scale.wall(Models.CALL_LATENCY)).seed(45);
        emulator.model(Models.GEMINI_PAIR.get(1).model()).latency(scale.wall(Models.CALL_LATENCY));
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("primary calls/request", Format.number((double) run.primaryCalls() / run.requests(), 2));
        figures.put("secondary calls/request",
                Format.number((double) run.callsTo(Models.GEMINI_PAIR.get(1)) / run.requests(), 2));
        figures.put("served by the primary (first choice)", Format.percent(run.firstChoicePercent()) + "%");
        figures.put("served by the secondary", Format.percent(run.fallbackPercent()) + "%");
        return figures;
    }

    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        RunResult engine = runs.get(StrategyKind.GENAI_RESILIENCE);
        RunResult quality = runs.get(StrategyKind.GENAI_RESILIENCE_QUALITY);
        return List.of(
                EngineTargets.success("brownout", engine, 99.9),
                EngineTargets.firstChoice("brownout", engine, 60),
                EngineTargets.attempts("brownout", engine, 1.7),
                EngineTargets.p99("brownout", engine, Duration.ofSeconds(10)),
                EngineTargets.firstChoice("brownout, quality", quality, 95),
                EngineTargets.attempts("brownout, quality", quality, 1.9),
                EngineTargets.success("brownout, quality", quality, 99.9));
    }
}
