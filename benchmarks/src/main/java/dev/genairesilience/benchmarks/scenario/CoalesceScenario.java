package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.strategy.ImageAsk;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code coalesce}: bursts of identical requests, each burst's arriving within a second, while the first one's
 * call is still running. The question is how many provider calls they cost.
 */
final class CoalesceScenario implements Scenario {

    private static final int BURSTS = 5;
    private static final int PER_BURST = 20;
    private static final Duration BURST = Duration.ofSeconds(1);
    private static final Duration BETWEEN = Duration.ofSeconds(4);
    private static final ImageAsk ASK = new ImageAsk(Resolution.ONE_K, List.of(), Map.of("coalesce", "true"));
    private static final int MOST_CALLS = 10;
    private static final ModelEndpoint ONLY = Models.GEMINI_PAIR.get(0);

    @Override
    public String name() {
        return "coalesce";
    }

    @Override
    public String description() {
        return "5 bursts of 20 identical requests (one prompt per burst, 1K, 1:1), each burst's arriving evenly "
                + "within 1 s, 4 s apart (100 requests), 64 client threads. The only model "
                + "(`gemini-3-pro-image-preview`) is healthy; every call takes 2 s, so a burst's requests all "
                + "arrive while its first one's call is running. Only the engine is told to share them: its chain "
                + "has `coalesce: true` for this scenario (both genai-resilience rows); the other strategies have "
                + "no coalescing and make one call per request at least.";
    }

    @Override
    public List<ModelEndpoint> models() {
        return List.of(ONLY);
    }

    @Override
    public int clientThreads() {
        return 64;
    }

    @Override
    public List<LoadPhase> phases() {
        List<LoadPhase> phases = new ArrayList<>();
        for (int burst = 1; burst <= BURSTS; burst++) {
            if (burst > 1) {
                phases.add(LoadPhase.pause(BETWEEN));
            }
            phases.add(new LoadPhase("burst " + burst, PER_BURST / (BURST.toNanos() / 1e9), BURST));
        }
        return phases;
    }

    @Override
    public ImageAsk ask() {
        return ASK;
    }

    /** The requests of one burst share its prompt. */
    @Override
    public String prompt(int index) {
        return Prompts.shared(index / PER_BURST);
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(ONLY.model()).latency(scale.wall(Models.CALL_LATENCY));
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("provider calls for " + BURSTS * PER_BURST + " requests", Integer.toString(run.calls()));
        figures.put("provider calls per burst of " + PER_BURST, Format.number((double) run.calls() / BURSTS, 1));
        figures.put("images delivered", Long.toString(run.successes()));
        return figures;
    }

    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        RunResult engine = runs.get(StrategyKind.GENAI_RESILIENCE);
        int calls = engine.calls();
        return List.of(TargetCheck.atMost(name() + ": ≤ " + MOST_CALLS + " provider calls for " + BURSTS
                        + " bursts of " + PER_BURST + " identical requests", calls, Integer.toString(calls),
                " provider calls", MOST_CALLS,
                calls + " calls for " + engine.requests() + " requests (" + engine.successes() + " served) with "
                        + "`genai.chains.bench.coalesce=true`: " + Format.number((double) calls / BURSTS, 1)
                        + " per burst of " + PER_BURST + " identical requests in flight together"));
    }
}
