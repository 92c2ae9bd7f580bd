package dev.genairesilience.benchmarks;

import dev.genairesilience.benchmarks.scenario.Scenario;
import dev.genairesilience.benchmarks.scenario.ScenarioRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runner's arguments, each as {@code --name=value}. The {@code -Pbenchmarks} profile passes the Maven
 * properties {@code benchmarks.factor}, {@code benchmarks.java25}, {@code benchmarks.only} and
 * {@code benchmarks.results} as these.
 *
 * @param scale   {@code --factor}: the time factor (default 0.05)
 * @param java25  {@code --java25}: the home of the JDK whose virtual threads {@code scale} measures
 * @param results {@code --results}: the page to write; when empty, {@code RESULTS.md} for a full run and
 *                {@code target/RESULTS-<parts>.md} for a partial one (see {@link #defaultResults})
 * @param only    {@code --only}: the parts to run, comma-separated, each one of {@link #parts()}; empty for all.
 *                In the order given.
 */
public record RunnerOptions(TimeScale scale, Path java25, Path results, Set<String> only) {

    /** The parts that are not load scenarios. */
    public static final List<String> SECTIONS = List.of("scale", "shared-quota", "overhead");

    /** Parses {@code --name=value} arguments; unknown names, and unknown parts in {@code --only}, are refused. */
    public static RunnerOptions parse(String... args) {
        double factor = 0.05;
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        String results = "";
        Set<String> only = new LinkedHashSet<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "factor" -> factor = Double.parseDouble(value);
                case "java25" -> java25 = Path.of(value);
                case "results" -> results = value.trim();
                case "only" -> only.addAll(parseOnly(value));
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        Set<String> parts = Collections.unmodifiableSet(only);
        return new RunnerOptions(new TimeScale(factor), java25,
                results.isEmpty() ? defaultResults(parts) : Path.of(results), parts);
    }

    /** Every name {@code --only} accepts: the load scenarios in table order, then {@link #SECTIONS}. */
    public static List<String> parts() {
        List<String> parts = new ArrayList<>(ScenarioRun.all().stream().map(Scenario::name).toList());
        parts.addAll(SECTIONS);
        return parts;
    }

    /**
     * Where a run writes when not told: a full run rewrites {@code RESULTS.md}; a partial one writes
     * {@code target/RESULTS-<parts>.md}, so that trying one scenario never replaces the committed page of a full
     * run, and {@code mvn clean} removes it. Relative to the runner's working directory, {@code benchmarks/}.
     */
    static Path defaultResults(Set<String> only) {
        return only.isEmpty() ? Path.of("RESULTS.md")
                : Path.of("target", "RESULTS-" + String.join("-", only) + ".md");
    }

    private static List<String> parseOnly(String value) {
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<String> known = parts();
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("benchmarks.only (--only): unknown part"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + "; known parts: "
                    + String.join(", ", known));
        }
        return names;
    }

    /** Whether the part of that name is to run. */
    public boolean runs(String part) {
        return only.isEmpty() || only.contains(part);
    }
}
