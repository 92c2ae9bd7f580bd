package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.load.RequestRecord;
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
    private static final Duration PROBING = Duration.ofSeconds(10);
    private static final Duration RETURN_WITHIN = Duration.ofSeconds(15);

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
        List<RequestRecord> probing = run.arrivedBetween(OUTAGE_FROM.plus(PROBING), OUTAGE_TO);
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
        List<RequestRecord> late = engine.arrivedBetween(OUTAGE_FROM.plus(GRACE), OUTAGE_TO);
        List<RequestRecord> probing = engine.arrivedBetween(OUTAGE_FROM.plus(PROBING), OUTAGE_TO);
        return List.of(
                TargetCheck.atMost("outage: ≤ 1% of requests reach the dead primary after its first 2 s",
                        deadShare(engine), Format.percent(deadShare(engine)), "%", 1,
                        late.stream().filter(engine::touchedPrimary).count() + " of the " + late.size()
                                + " requests arriving from 2 s into the outage to its end called the primary, "
                                + probing.stream().filter(engine::touchedPrimary).count() + " of them "
                                + PROBING.toSeconds() + " s or more into it. Those later ones are the requests the"
                                + " breaker lets through to find out whether the primary is back (3 per half-open"
                                + " state, open 2 s doubling to 10 s); the others arrived before 16 failures in a row"
                                + " opened it. While probes are users' requests, traffic back within 15 s needs one"
                                + " at least every 13 s: 9 or more in this 2 min outage at 4 requests/s, over 1% by"
                                + " themselves. Below 1% needs probes that are not users' requests (a generation"
                                + " the engine makes and pays for itself), which is not built"),
                returned(engine));
    }

    /** {@code outage: traffic back on the primary ≤ 15 s after recovery}. */
    private static TargetCheck returned(RunResult run) {
        String target = "outage: traffic back on the primary ≤ " + RETURN_WITHIN.toSeconds() + " s after recovery";
        Optional<Duration> back = returnTime(run);
        if (back.isEmpty()) {
            return TargetCheck.of(target, false, "never within the run",
                    "the primary delivered no image after its recovery");
        }
        List<RequestRecord> after = run.arrivedBetween(OUTAGE_TO, OUTAGE_TO.plus(RETURN_WITHIN));
        String primary = Models.GEMINI_PAIR.get(0).model();
        long elsewhere = after.stream().filter(r -> r.succeeded() && !primary.equals(r.servedBy())).count();
        double seconds = back.get().toNanos() / 1e9;
        return TargetCheck.atMost(target, seconds, Format.number(seconds, 1), " s", RETURN_WITHIN.toSeconds(),
                "the primary's first image after its recovery came from a call begun " + Format.seconds(back.get())
                        + " after it; " + elsewhere + " of the " + after.size() + " requests arriving in the "
                        + RETURN_WITHIN.toSeconds() + " s after it were served by the secondary");
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
