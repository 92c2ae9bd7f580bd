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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code surge}: demand at twice the primary's capacity for a minute, then at half of it. Goodput is the share of
 * the requests arriving in a stretch that got an image within the 60 s a caller waits (the engine's default
 * deadline); the question is how soon it is back to 95% once demand drops.
 */
final class SurgeScenario implements Scenario {

    private static final int SLOTS = 32;
    private static final Duration SERVICE_TIME = Duration.ofSeconds(4);
    private static final double CAPACITY_PER_SECOND = SLOTS / (SERVICE_TIME.toNanos() / 1e9);
    private static final LoadPhase SURGE = new LoadPhase("surge", 2 * CAPACITY_PER_SECOND, Duration.ofSeconds(60));
    private static final LoadPhase AFTER = new LoadPhase("after", 0.5 * CAPACITY_PER_SECOND, Duration.ofSeconds(120));
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final double RECOVERED = 95.0;
    private static final double PRIMARY_RATE = 0.9 * CAPACITY_PER_SECOND;
    private static final double GOODPUT = 99.0;

    @Override
    public String name() {
        return "surge";
    }

    @Override
    public String description() {
        return "The primary serves at most 32 calls at once, 4 s each (capacity 8 images/s); a call beyond that "
                + "answers 503 overloaded at once. The secondary is healthy, 2 s per call. Demand is 16 "
                + "requests/s (2×) for 60 s, then 4 requests/s (0.5×) for 120 s (1,440 requests), 128 client "
                + "threads. Goodput: the share of the requests arriving in a stretch that got an image within "
                + "60 s (the engine's default deadline: what a caller waits). Recovery: the time from the drop "
                + "until every later 5 s window of arrivals has a goodput of at least 95%.";
    }

    @Override
    public List<ModelEndpoint> models() {
        return Models.GEMINI_PAIR;
    }

    @Override
    public int clientThreads() {
        return 128;
    }

    @Override
    public List<LoadPhase> phases() {
        return List.of(SURGE, AFTER);
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(Models.GEMINI_PAIR.get(0).model()).capacity(SLOTS, scale.wall(SERVICE_TIME));
        emulator.model(Models.GEMINI_PAIR.get(1).model()).latency(scale.wall(Models.CALL_LATENCY));
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        Map<String, String> figures = new LinkedHashMap<>();
        Duration drop = SURGE.length();
        figures.put("goodput during the surge", Format.percent(goodput(run, run.arrivedBetween(Duration.ZERO, drop)))
                + "%");
        figures.put("primary images/s during the surge (capacity 8)", Format.number(primaryRate(run, drop), 1));
        figures.put("goodput after the drop",
                Format.percent(goodput(run, run.arrivedBetween(drop, drop.plus(AFTER.length())))) + "%");
        figures.put("goodput ≥ 95% again after", recovery(run).map(Format::seconds).orElse("not within the run"));
        return figures;
    }

    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        RunResult run = runs.get(StrategyKind.GENAI_RESILIENCE);
        List<TargetCheck> checks = new ArrayList<>(List.of(primaryRateCheck(run),
                goodputCheck(run, "during the surge", Duration.ZERO, SURGE.length()),
                goodputCheck(run, "after the drop", SURGE.length(), SURGE.length().plus(AFTER.length())),
                EngineTargets.attempts("surge", run, 1.3)));
        Optional<Duration> engine = recovery(run);
        checks.add(TargetCheck.of("surge: goodput back to ≥ 95% within 5 s of the drop",
                engine.isPresent() && engine.get().compareTo(WINDOW) <= 0,
                engine.map(Format::seconds).orElse("not within the run"),
                "callers still queued for a client thread or waiting out retries begun during the surge"));
        for (StrategyKind naive : List.of(StrategyKind.NONE, StrategyKind.SEED_RECIPE, StrategyKind.SPRING_AI_RETRY)) {
            Optional<Duration> collapsed = recovery(runs.get(naive));
            boolean longer = engine.isPresent()
                    && (collapsed.isEmpty() || collapsed.get().compareTo(engine.get()) > 0);
            RunResult other = runs.get(naive);
            checks.add(TargetCheck.of("surge: " + naive.label() + " stays collapsed longer than genai-resilience",
                    longer, collapsed.map(Format::seconds).orElse("not within the run"),
                    "the emulator refuses calls beyond its capacity at no cost to itself, so retries cannot "
                            + "keep it collapsed, and the backlog retries left drained through the 128 client "
                            + "threads: " + naive.label() + " lost goodput during the surge ("
                            + Format.percent(goodput(other, other.arrivedBetween(Duration.ZERO, SURGE.length())))
                            + "%), not after it"));
        }
        return checks;
    }

    /** {@code surge: primary ≥ 7.2 images/s during the surge}: 90% of its capacity. */
    private static TargetCheck primaryRateCheck(RunResult run) {
        Duration drop = SURGE.length();
        ModelEndpoint primary = Models.GEMINI_PAIR.get(0);
        List<RequestRecord> surge = run.arrivedBetween(Duration.ZERO, drop);
        long secondary = surge.stream().filter(r -> r.succeeded() && !primary.model().equals(r.servedBy())).count();
        return TargetCheck.atLeast("surge: primary ≥ " + TargetCheck.bound(PRIMARY_RATE) + " images/s during the "
                        + "surge (capacity " + TargetCheck.bound(CAPACITY_PER_SECOND) + ")",
                primaryRate(run, drop), Format.number(primaryRate(run, drop), 1), " images/s", PRIMARY_RATE,
                primaryImages(run, drop) + " images from the primary in the surge's " + drop.toSeconds() + " s; "
                        + "the secondary served " + secondary + " of the " + surge.size() + " requests arriving "
                        + "during it; over the whole run the primary answered " + run.refusalsBy(primary) + " of its "
                        + run.callsTo(primary) + " calls without an image (503 overloaded)");
    }

    /** {@code surge: goodput ≥ 99% <stretch>}, over the requests arriving in {@code [from, to)}. */
    private static TargetCheck goodputCheck(RunResult run, String stretch, Duration from, Duration to) {
        List<RequestRecord> arrived = run.arrivedBetween(from, to);
        long good = servedInTime(run, arrived);
        double goodput = goodput(run, arrived);
        return TargetCheck.atLeast("surge: goodput ≥ " + TargetCheck.bound(GOODPUT) + "% " + stretch, goodput,
                Format.percent(goodput), "%", GOODPUT,
                (arrived.size() - good) + " of the " + arrived.size() + " requests arriving " + stretch
                        + " got no image within " + PATIENCE.toSeconds() + " s");
    }

    /** The share of {@code records} served within the caller's patience, in percent. */
    private static double goodput(RunResult run, List<RequestRecord> records) {
        return RunResult.percentOf(servedInTime(run, records), records.size());
    }

    /** How many of {@code records} were served within the caller's patience. */
    private static long servedInTime(RunResult run, List<RequestRecord> records) {
        long patience = run.wallNanos(PATIENCE);
        return records.stream().filter(r -> r.succeeded() && r.latencyNanos() <= patience).count();
    }

    /** Images the primary delivered per scenario second while the surge lasted. */
    private static double primaryRate(RunResult run, Duration drop) {
        return primaryImages(run, drop) / (drop.toNanos() / 1e9);
    }

    /** Images the primary delivered to callers by the end of the surge. */
    private static long primaryImages(RunResult run, Duration drop) {
        long end = run.wallNanos(drop);
        String primary = Models.GEMINI_PAIR.get(0).model();
        return run.records().stream()
                .filter(r -> r.succeeded() && primary.equals(r.servedBy()) && r.endNanos() <= end).count();
    }

    /** From the drop until every later window of arrivals reaches the goodput mark, in scenario time. */
    private static Optional<Duration> recovery(RunResult run) {
        Duration drop = SURGE.length();
        Duration last = drop.plus(AFTER.length()).minus(WINDOW);
        Optional<Duration> recoveredAt = Optional.empty();
        for (Duration from = drop; from.compareTo(last) <= 0; from = from.plusSeconds(1)) {
            boolean good = goodput(run, run.arrivedBetween(from, from.plus(WINDOW))) >= RECOVERED;
            if (!good) {
                recoveredAt = Optional.empty();
            } else if (recoveredAt.isEmpty()) {
                recoveredAt = Optional.of(from.minus(drop));
            }
        }
        return recoveredAt;
    }
}
