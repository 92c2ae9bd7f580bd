package dev.genairesilience.benchmarks;

import dev.genairesilience.benchmarks.overhead.OverheadRun;
import dev.genairesilience.benchmarks.report.MachineInfo;
import dev.genairesilience.benchmarks.report.ReportSection;
import dev.genairesilience.benchmarks.report.ResultsWriter;
import dev.genairesilience.benchmarks.scale.ScaleScenario;
import dev.genairesilience.benchmarks.scenario.RunResult;
import dev.genairesilience.benchmarks.scenario.Scenario;
import dev.genairesilience.benchmarks.scenario.ScenarioResults;
import dev.genairesilience.benchmarks.scenario.ScenarioRun;
import dev.genairesilience.benchmarks.shared.SharedQuotaScenario;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every load scenario with every strategy, then the scale and shared-quota scenarios and the JMH overhead
 * benchmark (or the
 * parts {@code --only} names), and writes the results page. Arguments: see {@link RunnerOptions}.
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        RunnerOptions options = RunnerOptions.parse(args);
        String loadAtStart = MachineInfo.loadAverage();
        long started = System.nanoTime();
        System.out.printf("time factor %s: one scenario second takes %d ms%n", options.scale().factor(),
                options.scale().wall(Duration.ofSeconds(1)).toMillis());
        List<ScenarioResults> scenarios = new ArrayList<>();
        if (ScenarioRun.all().stream().anyMatch(s -> options.runs(s.name()))) {
            ScenarioRun.warmUp(options.scale());
        }
        for (Scenario scenario : ScenarioRun.all()) {
            if (options.runs(scenario.name())) {
                scenarios.add(runScenario(scenario, options.scale()));
            }
        }
        List<ReportSection> sections = new ArrayList<>();
        if (options.runs("scale")) {
            sections.add(ScaleScenario.run(options));
        }
        if (options.runs("shared-quota")) {
            sections.add(SharedQuotaScenario.run(options));
        }
        if (options.runs("overhead")) {
            sections.add(OverheadRun.run());
        }
        new ResultsWriter(options, MachineInfo.current(), loadAtStart)
                .write(scenarios, sections, Duration.ofNanos(System.nanoTime() - started));
        System.out.println("wrote " + options.results().toAbsolutePath());
    }

    private static ScenarioResults runScenario(Scenario scenario, TimeScale scale) throws InterruptedException {
        Map<StrategyKind, RunResult> runs = new EnumMap<>(StrategyKind.class);
        for (StrategyKind kind : StrategyKind.values()) {
            long started = System.nanoTime();
            RunResult run = ScenarioRun.run(scenario, kind, scale);
            System.out.printf("%-10s %-26s %5d requests %7s%% ok %5s calls/request %5s%% first choice %5d to "
                            + "failing, %s (%.1f s)%n", scenario.name(), kind.label(), run.requests(),
                    Format.percent(run.successPercent()), Format.number(run.attemptsPerRequest(), 2),
                    Format.percent(run.firstChoicePercent()), run.primaryCalls(), run.outcomes(),
                    (System.nanoTime() - started) / 1e9);
            runs.put(kind, run);
        }
        return new ScenarioResults(scenario, runs);
    }
}
