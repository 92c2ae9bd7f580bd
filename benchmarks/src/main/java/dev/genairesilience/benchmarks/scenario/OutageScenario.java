package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.load.RequestRecord;
import dev.genairesilience.benchmarks.strategy.EngineProperties;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code outage}: the primary answers every call with 503 for two minutes, then is healthy again. Measures how
 * soon callers stop reaching the dead provider and how soon traffic goes back to it.
 */
final class OutageScenario implements Scenario {

    private static final Duration OUTAGE_FROM = Duration.ofSeconds(30);
    private static final Duration OUTAGE_TO = Duration.ofSeconds(150);
    private static final Duration END = Duration.ofSeconds(300);
    private static final Duration GRACE = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "outage";
    }

    @Override
    public String description() {
        return "The primary answers every call with 503 overloaded from 30 s to 150 s (a 2 min outage), healthy "
                + "before and after; the secondary is healthy. Every call takes 2 s. 4 requests/s for 5 min "
                + "(1,200 requests), 64 client threads.";
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
        return List.of(new LoadPhase("steady", 4, END));
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(Models.GEMINI_PAIR.get(0).model()).latency(scale.wall(Models.CALL_LATENCY))
                .outage(start.plus(scale.wall(OUTAGE_FROM)), start.plus(scale.wall(OUTAGE_TO)));
        emulator.model(Models.GEMINI_PAIR.get(1).model()).latency(scale.wall(Models.CALL_LATENCY));
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        Map<String, String> figures = new LinkedHashMap<>();
        List<RequestRecord> during = run.arrivedBetween(OUTAGE_FROM, OUTAGE_TO);
        figures.put("success during the outage", Format.percent(RecordStats.successPercent(during)) + "%");
        figures.put("time to fail over (p50 latency during the outage)",
                Format.seconds(RecordStats.latency(run.scale(), during, 50)));
        figures.put("reached the dead primary after its first 2 s", Format.percent(deadShare(run)) + "%");
        List<RequestRecord> late = run.arrivedBetween(OUTAGE_FROM.plus(GRACE), OUTAGE_TO);
        List<RequestRecord> probing = run.arrivedBetween(OUTAGE_FROM.plus(Duration.ofSeconds(10)), OUTAGE_TO);
        figures.put("those requests (of them, arriving 10 s or more into the outage)",
                late.stream().filter(run::touchedPrimary).count() + " of " + late.size() + " ("
                        + probing.stream().filter(run::touchedPrimary).count() + ")");
        figures.put("traffic back on the primary after recovery", returnTime(run)
                .map(Format::seconds).orElse("never within the run"));
        return figures;
    }

    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        RunResult engine = runs.get(StrategyKind.GENAI_RESILIENCE);
        double dead = deadShare(engine);
        Optional<Duration> back = returnTime(engine);
        Duration wait = EngineProperties.breakerWait();
        return List.of(
                TargetCheck.of("outage: ≤ 1% of requests reach the dead provider after its first 2 s", dead <= 1.0,
                        Format.percent(dead) + "%",
                        "the breaker (the engine's defaults: " + EngineProperties.breakerSummary() + ") opens only "
                                + "once enough failed calls are in its window, and each half-open spell lets its "
                                + "probes through"),
                TargetCheck.of("outage: traffic returns within one breaker wait (" + wait.toSeconds()
                        + " s) of recovery", back.isPresent() && back.get().compareTo(wait) <= 0,
                        back.map(Format::seconds).orElse("never"),
                        "the breaker was still open, or its probes failed, for longer than one wait"));
    }

    /** The share of requests arriving after the outage's first 2 s, while it lasts, that called the primary. */
    private static double deadShare(RunResult run) {
        List<RequestRecord> late = run.arrivedBetween(OUTAGE_FROM.plus(GRACE), OUTAGE_TO);
        return RunResult.percentOf(late.stream().filter(run::touchedPrimary).count(), late.size());
    }

    /**
     * From the recovery to the start of the first call the primary answered with an image (its end less one call's
     * latency), in scenario time.
     */
    private static Optional<Duration> returnTime(RunResult run) {
        long recovered = run.wallNanos(OUTAGE_TO);
        long latency = run.wallNanos(Models.CALL_LATENCY);
        String primary = Models.GEMINI_PAIR.get(0).model();
        OptionalLong first = run.records().stream()
                .filter(r -> r.succeeded() && primary.equals(r.servedBy()) && r.endNanos() - latency >= recovered)
                .mapToLong(r -> r.endNanos() - latency - recovered).min();
        return first.isPresent()
                ? Optional.of(run.scale().scenario(Duration.ofNanos(first.getAsLong())))
                : Optional.empty();
    }
}
