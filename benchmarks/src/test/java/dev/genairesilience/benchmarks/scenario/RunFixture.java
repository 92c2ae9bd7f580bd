package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadRun;
import dev.genairesilience.benchmarks.load.RequestOutcome;
import dev.genairesilience.benchmarks.load.RequestRecord;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run written by hand, in scenario time at the factor 0.05: requests arrive one after another from a point of
 * time, each a gap after the last, and the emulator's counts are set as the test needs them.
 */
final class RunFixture {

    static final TimeScale SCALE = new TimeScale(0.05);

    private final List<ModelEndpoint> models;
    private final List<RequestRecord> records = new ArrayList<>();
    private final Map<String, ModelCounts> counts = new HashMap<>();
    private final List<EmulatedCall> calls = new ArrayList<>();
    private Duration next = Duration.ZERO;
    private Duration gap = Duration.ofMillis(500);
    private Duration latency = Duration.ofSeconds(2);

    RunFixture(List<ModelEndpoint> models) {
        this.models = List.copyOf(models);
    }

    /** The next request arrives at {@code at}, scenario time since the start. */
    RunFixture from(Duration at) {
        next = at;
        return this;
    }

    /** Later requests arrive {@code between} apart. */
    RunFixture every(Duration between) {
        gap = between;
        return this;
    }

    /** Later requests take {@code d}. */
    RunFixture taking(Duration d) {
        latency = d;
        return this;
    }

    /** {@code n} requests served by {@code model}, which did not call the primary unless it is the primary. */
    RunFixture served(int n, ModelEndpoint model) {
        return add(n, model.model(), Resolution.ONE_K, model.equals(models.get(0)) ? List.of("1K") : List.of());
    }

    /**
     * {@code n} requests served by {@code model} at {@code delivered}, each after calls to the primary asking
     * {@code asked}, in the order given.
     */
    RunFixture served(int n, ModelEndpoint model, Resolution delivered, String... asked) {
        return add(n, model.model(), delivered, List.of(asked));
    }

    /** {@code n} requests served by the secondary at 1K, the only call they made. */
    RunFixture servedBySecondaryOnly(int n) {
        for (int i = 0; i < n; i++) {
            int index = records.size();
            add(1, models.get(1).model(), Resolution.ONE_K, List.of());
            calls.add(new EmulatedCall(models.get(1).model(), index, "1K",
                    Instant.EPOCH.plusNanos(records.get(index).arrivalNanos())));
        }
        return this;
    }

    /** {@code n} requests served by the secondary after calling the primary. */
    RunFixture servedAfterCallingThePrimary(int n) {
        return add(n, models.get(1).model(), Resolution.ONE_K, List.of("1K"));
    }

    /** {@code n} requests that got no image. */
    RunFixture failed(int n) {
        return add(n, null, null, List.of("1K"));
    }

    /** {@code n} requests that got no image after calls to the primary asking {@code asked}, in the order given. */
    RunFixture failedAfter(int n, String... asked) {
        return add(n, null, null, List.of(asked));
    }

    /** What the emulator counted for {@code model}. */
    RunFixture counted(ModelEndpoint model, int calls, int images) {
        counts.put(model.model(), new ModelCounts(calls, images));
        return this;
    }

    RunResult run(StrategyKind kind) {
        return new RunResult(kind, SCALE, new LoadRun(records), models, counts, calls);
    }

    private RunFixture add(int n, String servedBy, Resolution delivered, List<String> asked) {
        RequestOutcome outcome = servedBy == null ? RequestOutcome.FAILED : RequestOutcome.SUCCESS;
        for (int i = 0; i < n; i++) {
            int index = records.size();
            long arrival = SCALE.wall(next).toNanos();
            long end = arrival + SCALE.wall(latency).toNanos();
            records.add(new RequestRecord(index, arrival, arrival, end, outcome, servedBy, delivered,
                    outcome == RequestOutcome.FAILED ? "AllProvidersFailedException" : null, null));
            for (int call = 0; call < asked.size(); call++) {
                calls.add(new EmulatedCall(models.get(0).model(), index, asked.get(call),
                        Instant.EPOCH.plusNanos(arrival + call)));
            }
            next = next.plus(gap);
        }
        return this;
    }
}
