package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.load.RequestRecord;
import dev.genairesilience.benchmarks.strategy.ApiType;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code cold-start}: the only model, on Hugging Face, is cold when traffic starts: it answers 503 loading with
 * {@code estimated_time} 20 s until 20 s after its first call.
 */
final class ColdStartScenario implements Scenario {

    private static final ModelEndpoint SDXL =
            new ModelEndpoint("sdxl", ApiType.HUGGINGFACE, "stabilityai/stable-diffusion-xl-base-1.0");
    private static final Duration LOADING = Duration.ofSeconds(20);

    @Override
    public String name() {
        return "cold-start";
    }

    @Override
    public String description() {
        return "The only model (`stabilityai/stable-diffusion-xl-base-1.0` on the Hugging Face API) is cold: it "
                + "answers 503 `currently loading` with `estimated_time: 20.0` until 20 s after its first call. "
                + "Every call takes 2 s. 2 requests/s for 2 min (240 requests), 64 client threads. Every "
                + "strategy has this one model only (the engine: a one-provider chain, `wait-for-model` left at "
                + "its default, false).";
    }

    @Override
    public List<ModelEndpoint> models() {
        return List.of(SDXL);
    }

    @Override
    public int clientThreads() {
        return 64;
    }

    @Override
    public List<LoadPhase> phases() {
        return List.of(new LoadPhase("steady", 2, Duration.ofMinutes(2)));
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(SDXL.model()).coldStart(scale.wall(LOADING), scale.wall(LOADING))
                .latency(scale.wall(Models.CALL_LATENCY));
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        Map<String, String> figures = new LinkedHashMap<>();
        List<RequestRecord> whileLoading = run.arrivedBetween(Duration.ZERO, LOADING);
        figures.put("success of requests arriving while it loads",
                Format.percent(RecordStats.successPercent(whileLoading)) + "%");
        figures.put("p50 latency of those", Format.seconds(RecordStats.latency(run.scale(), whileLoading, 50)));
        OptionalLong first = run.records().stream().filter(RequestRecord::succeeded)
                .mapToLong(RequestRecord::endNanos).min();
        figures.put("first image after", first.isPresent()
                ? Format.seconds(run.scale().scenario(Duration.ofNanos(first.getAsLong()))) : "never");
        return figures;
    }

    /**
     * The issue asks for "as now or better": every request served, and no more calls than the 245 for 240
     * requests of the run it quotes (1.02 attempts per request, rounded).
     */
    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        RunResult engine = runs.get(StrategyKind.GENAI_RESILIENCE);
        return List.of(EngineTargets.everyRequestServed("cold-start", engine),
                EngineTargets.attemptsAtMost("cold-start: ≤ 1.02 attempts per request (as before: 245 calls for "
                        + "240 requests)", engine, 245.0 / 240));
    }
}
