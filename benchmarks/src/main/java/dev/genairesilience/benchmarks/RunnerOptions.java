package dev.genairesilience.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The runner's arguments, each as {@code --name=value}.
 *
 * @param scale   {@code --factor}: the time factor (default 0.05)
 * @param java25  {@code --java25}: the home of the JDK whose virtual threads {@code scale} measures
 * @param results {@code --results}: the page to rewrite (default {@code RESULTS.md})
 * @param only    {@code --only}: the parts to run, by scenario name, {@code scale} or {@code overhead}; empty for all
 */
public record RunnerOptions(TimeScale scale, Path java25, Path results, Set<String> only) {

    /** Parses {@code --name=value} arguments; unknown names are refused. */
    public static RunnerOptions parse(String... args) {
        double factor = 0.05;
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        Path results = Path.of("RESULTS.md");
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
                case "results" -> results = Path.of(value);
                case "only" -> only.addAll(Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList());
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new RunnerOptions(new TimeScale(factor), java25, results, Set.copyOf(only));
    }

    /** Whether the part of that name is to run. */
    public boolean runs(String part) {
        return only.isEmpty() || only.contains(part);
    }
}
