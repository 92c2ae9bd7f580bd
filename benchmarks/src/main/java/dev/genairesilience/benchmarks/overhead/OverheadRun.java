package dev.genairesilience.benchmarks.overhead;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link OverheadBenchmark} with JMH, with settings short enough for the whole run's time budget. */
public final class OverheadRun {

    static final int FORKS = 1;
    static final int WARMUP_ITERATIONS = 3;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final TimeValue ITERATION_TIME = TimeValue.seconds(1);

    private OverheadRun() {
    }

    /** Runs the three benchmarks in one forked JVM each. */
    public static OverheadReport run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(OverheadBenchmark.class.getName() + "\\.")
                .forks(FORKS)
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(ITERATION_TIME)
                .measurementIterations(MEASUREMENT_ITERATIONS)
                .measurementTime(ITERATION_TIME)
                .jvmArgs("-Xmx512m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Result<?>> byMethod = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult());
        }
        return new OverheadReport(byMethod);
    }
}
