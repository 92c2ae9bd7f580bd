package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadRun;
import dev.genairesilience.benchmarks.load.RequestOutcome;
import dev.genairesilience.benchmarks.load.RequestRecord;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.time.Duration;
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
    private final Map<Integer, Integer> primaryCallsByRequest = new HashMap<>();
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
        return add(n, RequestOutcome.SUCCESS, model.model(), model.equals(models.get(0)));
    }

    /** {@code n} requests served by the secondary after calling the primary. */
    RunFixture servedAfterCallingThePrimary(int n) {
        return add(n, RequestOutcome.SUCCESS, models.get(1).model(), true);
    }

    /** {@code n} requests that got no image. */
    RunFixture failed(int n) {
        return add(n, RequestOutcome.FAILED, null, true);
    }

    /** What the emulator counted for {@code model}. */
    RunFixture counted(ModelEndpoint model, int calls, int images) {
        counts.put(model.model(), new ModelCounts(calls, images));
        return this;
    }

    RunResult run(StrategyKind kind) {
        return new RunResult(kind, SCALE, new LoadRun(records), models, counts, primaryCallsByRequest);
    }

    private RunFixture add(int n, RequestOutcome outcome, String servedBy, boolean calledPrimary) {
        for (int i = 0; i < n; i++) {
            int index = records.size();
            long arrival = SCALE.wall(next).toNanos();
            long end = arrival + SCALE.wall(latency).toNanos();
            records.add(new RequestRecord(index, arrival, arrival, end, outcome, servedBy,
                    outcome == RequestOutcome.FAILED ? "AllProvidersFailedException" : null, null));
            if (calledPrimary) {
                primaryCallsByRequest.put(index, 1);
            }
            next = next.plus(gap);
        }
        return this;
    }
}
