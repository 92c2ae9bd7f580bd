package dev.genairesilience.benchmarks.scenario;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.Resolution.TWO_K;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code resolution-brownout}: the primary fails by the resolution a call asks, 4K worst, and 4K recovers at half
 * time. The question is whether a chain asking 4K with a degrade ladder stops paying for 4K calls while they fail,
 * and goes back to 4K once they succeed.
 */
final class ResolutionBrownoutScenario implements Scenario {

    private static final Duration HALF = Duration.ofSeconds(60);
    private static final LoadPhase FIRST = new LoadPhase("4K failing", 4, HALF);
    private static final LoadPhase SECOND = new LoadPhase("4K recovered", 4, HALF);
    private static final ImageAsk ASK = new ImageAsk(FOUR_K, List.of(TWO_K, ONE_K), Map.of());
    private static final double FOUR_K_FAILING = 0.85;
    private static final double TWO_K_FAILING = 0.10;
    private static final double ONE_K_FAILING = 0.02;
    private static final double FOUR_K_RECOVERED = 0.05;
    private static final double AT_ASKED_AFTER_RECOVERY = 90;
    private static final List<StrategyKind> OTHERS =
            List.of(StrategyKind.NONE, StrategyKind.SEED_RECIPE, StrategyKind.SPRING_AI_RETRY);

    @Override
    public String name() {
        return "resolution-brownout";
    }

    @Override
    public String description() {
        return "Every request asks for 4K. The primary (`gemini-3-pro-image-preview`) answers 503 overloaded by the "
                + "resolution a call asks for, each call drawn independently: for the first 60 s on 85% of 4K "
                + "calls, 10% of 2K and 2% of 1K; from 60 s on 4K recovers to 5% (2K and 1K unchanged). The "
                + "secondary (`gemini-2.5-flash-image`, 1K only) is healthy. Every call takes 2 s. 4 requests/s for "
                + "2 min (480 requests), 128 client threads. The engine's chain has `resolution: 4K` and "
                + "`degrade: [2K, 1K]` and nothing else set for it (adaptive resolution at its default). "
                + "`seed-recipe` steps down the guide's own resolution path within its retries (\"retry with 2K "
                + "resolution parameters. If that also fails, drop to HD\"): its first attempt at 4K, the second at "
                + "2K, the rest at 1K, and its fallback model at 1K, its only size. `none` and `spring-ai-retry` have "
                + "no degrading of their own, and the seeds describe none for them: they ask 4K only. A request "
                + "counts in the half it arrives in. Failed calls per delivered image: the calls a half's requests "
                + "made, less the images they got, per image.";
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
        return List.of(FIRST, SECOND);
    }

    @Override
    public ImageAsk ask() {
        return ASK;
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(primary()).seed(85).latency(scale.wall(Models.CALL_LATENCY))
                .overloadRate(FOUR_K.label(), FOUR_K_FAILING).overloadRate(TWO_K.label(), TWO_K_FAILING)
                .overloadRate(ONE_K.label(), ONE_K_FAILING);
        emulator.model(Models.GEMINI_PAIR.get(1).model()).latency(scale.wall(Models.CALL_LATENCY));
    }

    @Override
    public List<ScriptChange> changes() {
        return List.of(new ScriptChange(HALF,
                emulator -> emulator.model(primary()).overloadRate(FOUR_K.label(), FOUR_K_RECOVERED)));
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        Stretch first = firstHalf(run);
        Stretch second = secondHalf(run);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("success, first half / second half",
                Format.percent(first.successPercent()) + "% / " + Format.percent(second.successPercent()) + "%");
        figures.put("attempts/request, first half / second half", Format.number(first.attemptsPerRequest(), 2)
                + " / " + Format.number(second.attemptsPerRequest(), 2));
        figures.put("failed calls per delivered image, first half", failedPerImage(first));
        figures.put("failed calls per delivered image, second half", failedPerImage(second));
        figures.put("delivered at 4K / 2K / 1K, first half", shares(first));
        figures.put("delivered at 4K / 2K / 1K, second half", shares(second));
        Stretch all = Stretch.of(run, Duration.ZERO, HALF.multipliedBy(2));
        figures.put("first call at 4K", Format.percent(RunResult.percentOf(all.firstCallsAt(FOUR_K), all.requests()))
                + "%");
        return figures;
    }

    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        RunResult engine = runs.get(StrategyKind.GENAI_RESILIENCE);
        return List.of(EngineTargets.everyRequestServed(name(), engine), fewerFailedCalls(runs),
                recovered(engine), askedFirst(runs.get(StrategyKind.GENAI_RESILIENCE_QUALITY)));
    }

    /** Failed calls per delivered image over the first half at most half the best other strategy's. */
    private TargetCheck fewerFailedCalls(Map<StrategyKind, RunResult> runs) {
        String target = name() + ": failed calls per delivered image over the first half ≤ half the best other "
                + "strategy's";
        StrategyKind best = OTHERS.stream()
                .min(Comparator.comparingDouble(k -> firstHalf(runs.get(k)).failedCallsPerImage())).orElseThrow();
        double bestValue = firstHalf(runs.get(best)).failedCallsPerImage();
        Stretch engine = firstHalf(runs.get(StrategyKind.GENAI_RESILIENCE));
        double value = engine.failedCallsPerImage();
        String why = engine.calls() + " calls for " + engine.images() + " images to the " + engine.requests()
                + " requests of the first half, delivered at 4K / 2K / 1K: " + shares(engine);
        if (Double.isInfinite(value) || Double.isInfinite(bestValue)) {
            return TargetCheck.of(target, !Double.isInfinite(value), failedPerImage(engine) + " (" + best.label()
                    + ": " + failedPerImage(firstHalf(runs.get(best))) + ")", why);
        }
        double bound = bestValue / 2;
        return TargetCheck.atMost(target, value, Format.number(value, 2), " (half of " + best.label() + "'s "
                + Format.number(bestValue, 2) + ": " + Format.number(bound, 2) + ")", bound, why);
    }

    /** At least 90% of the second half's images at 4K. */
    private TargetCheck recovered(RunResult run) {
        Stretch second = secondHalf(run);
        double share = second.shareAt(FOUR_K);
        return TargetCheck.atLeast(name() + ": ≥ " + TargetCheck.bound(AT_ASKED_AFTER_RECOVERY) + "% of the second "
                        + "half's images at 4K", share, Format.percent(share), "%", AT_ASKED_AFTER_RECOVERY,
                "of the " + second.images() + " images delivered to the " + second.requests() + " requests of the "
                        + "second half, at 4K / 2K / 1K: " + shares(second) + "; they made " + second.callsAt(FOUR_K)
                        + " calls at 4K");
    }

    /** Under prefer: quality, every request's first call asks for 4K. */
    private TargetCheck askedFirst(RunResult run) {
        Stretch all = Stretch.of(run, Duration.ZERO, HALF.multipliedBy(2));
        long first4K = all.firstCallsAt(FOUR_K);
        return TargetCheck.of(name() + ", quality: the asked resolution (4K) is always tried first",
                first4K == all.requests(), first4K + " of " + all.requests() + " requests",
                "first calls at 2K: " + all.firstCallsAt(TWO_K) + ", at 1K: " + all.firstCallsAt(ONE_K) + " ("
                        + all.firstCallsElsewhere(primary()) + " first calls went to another model than the primary, "
                        + "which was passed over); requests without a call: " + all.withoutCalls());
    }

    private static Stretch firstHalf(RunResult run) {
        return Stretch.of(run, Duration.ZERO, HALF);
    }

    private static Stretch secondHalf(RunResult run) {
        return Stretch.of(run, HALF, HALF.multipliedBy(2));
    }

    private static String failedPerImage(Stretch stretch) {
        double value = stretch.failedCallsPerImage();
        return Double.isInfinite(value) ? "no image" : Format.number(value, 2);
    }

    /** {@code 4K / 2K / 1K} shares of the images, such as {@code 12.0% / 80.0% / 8.0%}. */
    private static String shares(Stretch stretch) {
        return String.join(" / ", Stream.of(FOUR_K, TWO_K, ONE_K)
                .map(r -> Format.percent(stretch.shareAt(r)) + "%").toList());
    }

    private static String primary() {
        return Models.GEMINI_PAIR.get(0).model();
    }
}
