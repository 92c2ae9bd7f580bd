package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.LatencyHistogram;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.RequestRecord;
import java.time.Duration;
import java.util.List;

/** Figures over a subset of a run's requests. */
final class RecordStats {

    private RecordStats() {
    }

    /** The share of {@code records} that delivered an image, in percent (0 for none). */
    static double successPercent(List<RequestRecord> records) {
        return RunResult.percentOf(records.stream().filter(RequestRecord::succeeded).count(), records.size());
    }

    /** The latency percentile of {@code records}, in scenario time. */
    static Duration latency(TimeScale scale, List<RequestRecord> records, double percentile) {
        LatencyHistogram histogram = new LatencyHistogram();
        records.forEach(r -> histogram.record(r.latencyNanos()));
        return scale.scenario(Duration.ofNanos(histogram.percentileNanos(percentile)));
    }
}
