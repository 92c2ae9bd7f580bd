package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's runs, one per strategy, as the results page shows them.
 *
 * @param scenario the scenario
 * @param runs     its runs by strategy, in table order
 */
public record ScenarioResults(Scenario scenario, Map<StrategyKind, RunResult> runs) {

    /** The header of the one results table, exactly as the issues give it. */
    public static final String TABLE_HEADER =
            "| scenario | strategy | requests | success % | attempts/request | first-choice % | calls to failing "
                    + "provider | p50 ms | p99 ms | notes |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n";

    public ScenarioResults {
        runs = Map.copyOf(runs);
    }

    /** This scenario's rows of the results table; latencies in scenario-time milliseconds. */
    public String tableRows() {
        StringBuilder rows = new StringBuilder();
        for (StrategyKind kind : StrategyKind.values()) {
            RunResult run = runs.get(kind);
            if (run == null) {
                continue;
            }
            double perWallMilli = 1 / run.scale().factor();
            rows.append("| ").append(scenario.name())
                    .append(" | ").append(kind.label())
                    .append(" | ").append(run.requests())
                    .append(" | ").append(Format.percent(run.successPercent()))
                    .append(" | ").append(Format.number(run.attemptsPerRequest(), 2))
                    .append(" | ").append(Format.percent(run.firstChoicePercent()))
                    .append(" | ").append(run.primaryCalls())
                    .append(" | ").append(Format.millis(run.latencyMillis(50) * perWallMilli))
                    .append(" | ").append(Format.millis(run.latencyMillis(99) * perWallMilli))
                    .append(" | ").append(run.notes())
                    .append(" |\n");
        }
        return rows.toString();
    }

    /** The scenario's own figures: one row per figure, one column per strategy. */
    public String figuresTable() {
        Set<String> names = new LinkedHashSet<>();
        List<StrategyKind> kinds = new ArrayList<>();
        for (StrategyKind kind : StrategyKind.values()) {
            if (runs.containsKey(kind)) {
                kinds.add(kind);
                names.addAll(scenario.figures(runs.get(kind)).keySet());
            }
        }
        StringBuilder table = new StringBuilder("| figure |");
        kinds.forEach(k -> table.append(' ').append(k.label()).append(" |"));
        table.append("\n|---|").append("---:|".repeat(kinds.size())).append('\n');
        for (String name : names) {
            table.append("| ").append(name).append(" |");
            for (StrategyKind kind : kinds) {
                table.append(' ').append(scenario.figures(runs.get(kind)).getOrDefault(name, "")).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** The targets for this scenario; none unless the engine ran. */
    public List<TargetCheck> targets() {
        return runs.keySet().containsAll(List.of(StrategyKind.values())) ? scenario.targets(runs) : List.of();
    }
}
