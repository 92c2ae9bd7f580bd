package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.strategy.ApiType;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code quota}: the primary's per-minute quota is half the demand; beyond it, 429 with {@code Retry-After} (and
 * OpenAI's {@code retry-after-ms}) of 10 s.
 */
final class QuotaScenario implements Scenario {

    private static final List<ModelEndpoint> OPENAI_PAIR = List.of(
            new ModelEndpoint("primary", ApiType.OPENAI, "gpt-image-1"),
            new ModelEndpoint("secondary", ApiType.OPENAI, "dall-e-3"));
    private static final int QUOTA_PER_MINUTE = 60;
    private static final Duration HINT = Duration.ofSeconds(10);
    private static final int MOST_429 = 15;

    @Override
    public String name() {
        return "quota";
    }

    @Override
    public String description() {
        return "The primary (`gpt-image-1` on the OpenAI API) admits 60 calls per sliding minute; beyond that it "
                + "answers 429 `rate_limit_exceeded` with `Retry-After: 10` and `retry-after-ms: 10000` (scaled). "
                + "The secondary (`dall-e-3`) is healthy. Every call takes 2 s. 2 requests/s (twice the quota) "
                + "for 5 min (600 requests), 64 client threads.";
    }

    @Override
    public List<ModelEndpoint> models() {
        return OPENAI_PAIR;
    }

    @Override
    public int clientThreads() {
        return 64;
    }

    @Override
    public List<LoadPhase> phases() {
        return List.of(new LoadPhase("steady", 2, Duration.ofMinutes(5)));
    }

    @Override
    public void script(ProviderEmulator emulator, Instant start, TimeScale scale) {
        emulator.model(OPENAI_PAIR.get(0).model()).rateLimit(QUOTA_PER_MINUTE, scale.wall(Duration.ofMinutes(1)))
                .hint(scale.wall(HINT)).latency(scale.wall(Models.CALL_LATENCY));
        emulator.model(OPENAI_PAIR.get(1).model()).latency(scale.wall(Models.CALL_LATENCY));
    }

    @Override
    public Map<String, String> figures(RunResult run) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("429 answers received", Integer.toString(rateLimited(run)));
        figures.put("served by the primary (first choice)", Format.percent(run.firstChoicePercent()) + "%");
        figures.put("served by the secondary", Format.percent(run.fallbackPercent()) + "%");
        return figures;
    }

    @Override
    public List<TargetCheck> targets(Map<StrategyKind, RunResult> runs) {
        RunResult engine = runs.get(StrategyKind.GENAI_RESILIENCE);
        int refused = rateLimited(engine);
        return List.of(
                EngineTargets.everyRequestServed("quota", engine),
                TargetCheck.atMost("quota: ≤ " + MOST_429 + " answers of 429", refused, Integer.toString(refused),
                        " answers of 429", MOST_429,
                        refused + " of the " + engine.primaryCalls() + " calls the primary got were answered 429; it "
                                + "served " + Format.percent(engine.firstChoicePercent()) + "% of the requests"));
    }

    /** The primary's 429 answers, as the emulator counted them: the calls it answered without an image. */
    private static int rateLimited(RunResult run) {
        return run.refusalsBy(OPENAI_PAIR.get(0));
    }
}
