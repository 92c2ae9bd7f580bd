package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadDriver;
import dev.genairesilience.benchmarks.load.LoadRun;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.ProviderLineup;
import dev.genairesilience.benchmarks.strategy.Strategy;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario with one strategy: a fresh emulator on 127.0.0.1 scripted by the scenario, a fresh strategy
 * (no breaker state or budget carried over), the scenario's demand, and the emulator's counts afterwards.
 */
public final class ScenarioRun {

    /** How long, in scenario time, the last requests may take after the last arrival: 20 minutes. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(20);

    /** Time between the strategy being ready and the first arrival, for the script to be set. */
    private static final Duration LEAD = Duration.ofMillis(100);

    private ScenarioRun() {
    }

    /** Runs {@code scenario} with {@code kind}. */
    public static RunResult run(Scenario scenario, StrategyKind kind, TimeScale scale) throws InterruptedException {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            ProviderLineup lineup = new ProviderLineup(emulator.baseUrl(), scenario.models());
            try (Strategy strategy = kind.create(lineup, scale)) {
                Instant start = Instant.now().plus(LEAD);
                scenario.script(emulator, start, scale);
                LoadRun load = new LoadDriver(scenario.clientThreads(), scale.wall(DRAIN_LIMIT))
                        .run(scenario.phases(), scale, start, index -> strategy.generate(Prompts.of(index)));
                Map<String, ModelCounts> counts = new HashMap<>();
                for (ModelEndpoint model : scenario.models()) {
                    ModelBehaviour behaviour = emulator.model(model.model());
                    counts.put(model.model(), new ModelCounts(behaviour.calls(), behaviour.successes()));
                }
                return new RunResult(kind, scale, load, scenario.models(), counts,
                        callsByRequest(emulator.model(scenario.models().get(0).model())));
            }
        }
    }

    /** How many calls each request made to one model, read from the numbers in the recorded prompts. */
    private static Map<Integer, Integer> callsByRequest(ModelBehaviour model) {
        Map<Integer, Integer> counts = new HashMap<>();
        List<RecordedCall> recorded = model.recordedCalls();
        for (RecordedCall call : recorded) {
            int index = Prompts.indexIn(call.body());
            if (index >= 0) {
                counts.merge(index, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Runs healthy traffic (with a few 503s) through every strategy, to be measured warm. */
    public static void warmUp(TimeScale scale) throws InterruptedException {
        for (StrategyKind kind : StrategyKind.values()) {
            run(new WarmupScenario(), kind, scale);
        }
    }

    /** The scenarios, in the order of the results table. */
    public static List<Scenario> all() {
        return List.of(new BrownoutScenario(), new OutageScenario(), new ColdStartScenario(), new QuotaScenario(),
                new SurgeScenario());
    }
}
