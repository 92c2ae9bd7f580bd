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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
            try (Strategy strategy = kind.create(lineup, scenario.ask(), scale)) {
                Instant start = Instant.now().plus(LEAD);
                scenario.script(emulator, start, scale);
                ScheduledExecutorService changes = scheduleChanges(scenario, emulator, start, scale);
                LoadRun load;
                try {
                    load = new LoadDriver(scenario.clientThreads(), scale.wall(DRAIN_LIMIT))
                            .run(scenario.phases(), scale, start, index -> strategy.generate(scenario.prompt(index)));
                } finally {
                    changes.shutdownNow();
                }
                Map<String, ModelCounts> counts = new HashMap<>();
                List<EmulatedCall> calls = new ArrayList<>();
                for (ModelEndpoint model : scenario.models()) {
                    ModelBehaviour behaviour = emulator.model(model.model());
                    counts.put(model.model(), new ModelCounts(behaviour.calls(), behaviour.successes()));
                    calls.addAll(calls(behaviour));
                }
                return new RunResult(kind, scale, load, scenario.models(), counts, calls);
            }
        }
    }

    /** Applies each of the scenario's changes at its time, on a thread of its own. */
    private static ScheduledExecutorService scheduleChanges(Scenario scenario, ProviderEmulator emulator,
            Instant start, TimeScale scale) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "script-changes");
            thread.setDaemon(true);
            return thread;
        });
        for (ScriptChange change : scenario.changes()) {
            long delay = Duration.between(Instant.now(), start.plus(scale.wall(change.at()))).toNanos();
            executor.schedule(() -> change.change().accept(emulator), Math.max(delay, 0), TimeUnit.NANOSECONDS);
        }
        return executor;
    }

    /** The calls one model received, each with the request number its prompt carries. */
    private static List<EmulatedCall> calls(ModelBehaviour model) {
        List<EmulatedCall> calls = new ArrayList<>();
        for (RecordedCall call : model.recordedCalls()) {
            calls.add(new EmulatedCall(model.modelId(), Prompts.indexIn(call.body()), call.resolution(),
                    call.receivedAt()));
        }
        return calls;
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
                new SurgeScenario(), new ResolutionBrownoutScenario(), new CoalesceScenario());
    }
}
