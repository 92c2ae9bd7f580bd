package dev.genairesilience.benchmarks.report;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.RunnerOptions;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.scenario.ScenarioResults;
import dev.genairesilience.benchmarks.strategy.EngineProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Writes the results page: the machine, the settings, the one table, each scenario's figures, the targets. */
public final class ResultsWriter {

    /** The command of the README that produces the page. */
    public static final String COMMAND = "./mvnw -B -pl benchmarks -am verify -DskipTests -Pbenchmarks";

    private final RunnerOptions options;
    private final MachineInfo machine;
    private final String loadAtStart;

    /** @param loadAtStart the machine's load averages when the run began */
    public ResultsWriter(RunnerOptions options, MachineInfo machine, String loadAtStart) {
        this.options = options;
        this.machine = machine;
        this.loadAtStart = loadAtStart;
    }

    /** Writes the page over {@link RunnerOptions#results()}. */
    public void write(List<ScenarioResults> scenarios, List<ReportSection> sections, Duration runnerTime)
            throws IOException {
        StringBuilder page = new StringBuilder();
        page.append("# Benchmark results\n\n")
                .append("Written by `").append(COMMAND)
                .append(options.only().isEmpty() ? "" : " -Dbenchmarks.only=" + String.join(",", options.only()))
                .append("` on ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("; the runner took ")
                .append(Format.seconds(runnerTime)).append(" of wall time after the build")
                .append(options.only().isEmpty() ? "" : " (a partial run: only these parts)")
                .append(".\n\n");
        machine(page);
        settings(page);
        table(page, scenarios);
        for (ScenarioResults results : scenarios) {
            page.append("### ").append(results.scenario().name()).append("\n\n")
                    .append(results.scenario().description()).append("\n\n")
                    .append(results.figuresTable()).append('\n');
        }
        for (ReportSection section : sections) {
            page.append("## ").append(section.title()).append("\n\n").append(section.markdown()).append('\n');
        }
        targets(page, scenarios, sections);
        Files.writeString(options.results(), page.toString(), StandardCharsets.UTF_8);
    }

    private void machine(StringBuilder page) {
        page.append("## Machine\n\n")
                .append("- CPU: ").append(machine.cpus()).append(" × ").append(machine.cpuModel()).append('\n')
                .append("- memory: ").append(machine.memory()).append('\n')
                .append("- OS: ").append(machine.os()).append('\n')
                .append("- JDK (runner, emulator, every strategy): ").append(machine.jdk()).append('\n')
                .append("- load average (1 / 5 / 15 min): ").append(loadAtStart).append(" at the start, ")
                .append(MachineInfo.loadAverage()).append(" at the end; other builds may share the cores\n\n");
    }

    private void settings(StringBuilder page) {
        TimeScale scale = options.scale();
        page.append("## Time factor\n\n")
                .append("**").append(scale.factor()).append("**: one second of scenario time takes ")
                .append(Format.millis(scale.wall(Duration.ofSeconds(1)).toNanos() / 1e6))
                .append(" ms of wall time. Every duration below, and every latency in the tables, is in scenario ")
                .append("time (measured wall time ÷ factor). Scaled alike for every strategy: the emulator's ")
                .append("latencies, service times, server hints, cold-start and outage lengths, quota windows; ")
                .append("the seed recipe's backoff (2 s initial, 60 s max, 5 s jitter) and breaker reset (60 s); ")
                .append("Spring AI's backoff (2 s initial, 3 min max); every strategy's per-call timeout (60 s, ")
                .append("the starter's default provider timeout). For genai-resilience the defaults it runs with ")
                .append("are set to their scaled values through these properties (all other settings are the ")
                .append("starter's defaults). The breaker lines are the engine's own image-generation breaker ")
                .append("defaults (").append(EngineProperties.breakerSummary()).append("), read from ")
                .append("`GenAiBreakerDefaults` and written out only so that their durations can be scaled:")
                .append("\n\n```properties\n");
        EngineProperties.scaledDefaults(scale).forEach((k, v) -> page.append(k).append('=').append(v).append('\n'));
        page.append("genai.providers.<id>.timeout=").append(scale.property(Duration.ofSeconds(60))).append('\n')
                .append("```\n\n`genai-resilience (quality)` runs with these too, and with:\n\n```properties\n");
        EngineProperties.QUALITY.forEach((k, v) -> page.append(k).append('=').append(v).append('\n'));
        page.append("```\n\nNot scaled: counts (attempts, thresholds, budget ratios), the engine's fixed ")
                .append("250 ms minimum time it leaves for a call before retrying (")
                .append(Format.seconds(scale.scenario(Duration.ofMillis(250))))
                .append(" of scenario time at this factor), the least the engine keeps back for a later provider ")
                .append("whose latency it knows (1 s, ").append(Format.seconds(scale.scenario(Duration.ofSeconds(1))))
                .append(" of scenario time), and the HTTP connect timeout (10 s; never reached on ")
                .append("127.0.0.1).\n\n");
        page.append("Strategies: `none` calls the primary once. `seed-recipe` is the guide's 3-layer defense ")
                .append("(tenacity `stop_after_attempt(5)`, `wait_exponential_jitter(initial=2, max=60, jitter=5)`, ")
                .append("only 503 retried; one breaker shared by both models, opening after 5 failures, one probe ")
                .append("after 60 s, as the guide and its code comment say, although its Python lets every caller ")
                .append("through while half-open; then the next model). `spring-ai-retry` is Spring AI's ")
                .append("`DEFAULT_RETRY_TEMPLATE` ")
                .append("and default error handler on Spring Retry (10 attempts, 2 s × 5 up to 3 min, 5xx and I/O ")
                .append("retried, no 4xx, no fallback). `genai-resilience` is the starter in a Spring Boot ")
                .append("application with the two models as one chain; `genai-resilience (quality)` is the same ")
                .append("application and chain with the chain's preference set to `quality`. Every request asks ")
                .append("for 1K at 1:1 (the engine's chain: `resolution: 1K`) unless its scenario says otherwise. ")
                .append("All five make their ")
                .append("calls with the ")
                .append("starter's own provider classes over one shared JDK `HttpClient` to the testkit emulator ")
                .append("on 127.0.0.1; each run gets a fresh emulator and a fresh strategy. Requests arrive on ")
                .append("schedule (open loop, evenly spaced) and are served by a bounded client pool; a request's ")
                .append("latency runs from its scheduled arrival, so time queued for a client thread counts.\n\n");
    }

    private static void table(StringBuilder page, List<ScenarioResults> scenarios) {
        page.append("## Results\n\n")
                .append("`calls to failing provider`: generation calls the scenario's failing model (the primary; ")
                .append("in cold-start the only model) received. `attempts/request`: all calls the emulator ")
                .append("received ÷ requests. `first-choice %`: the share of all requests served by the first ")
                .append("model of the chain, the primary (for a strategy with no fallback, its success %). ")
                .append("Latencies cover every request, served or not.\n\n")
                .append(ScenarioResults.TABLE_HEADER);
        scenarios.forEach(s -> page.append(s.tableRows()));
        page.append('\n');
    }

    private static void targets(StringBuilder page, List<ScenarioResults> scenarios, List<ReportSection> sections) {
        List<TargetCheck> checks = new ArrayList<>();
        scenarios.forEach(s -> checks.addAll(s.targets()));
        sections.forEach(s -> checks.addAll(s.targets()));
        page.append("## Targets\n\n")
                .append("Checked on this run's `genai-resilience` rows (`genai-resilience (quality)` where a target ")
                .append("says quality), each judged on the measured value itself; where the tables' rounding would ")
                .append("put a figure on the wrong side of its bound, it is written with the decimals that show it. ")
                .append("A missed target's last column gives the run's figures behind it.\n\n")
                .append("| target | measured | met? | what limits it |\n|---|---|---|---|\n");
        for (TargetCheck check : checks) {
            page.append("| ").append(check.target()).append(" | ").append(check.measured()).append(" | ")
                    .append(check.met() ? "met" : "**missed**").append(" | ").append(check.limitedBy())
                    .append(" |\n");
        }
    }
}
