package dev.genairesilience.benchmarks.overhead;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.report.ReportSection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;

/** The {@code overhead} section of the results page. */
public final class OverheadReport implements ReportSection {

    private static final double TARGET_NANOS = 20_000;

    private final Map<String, Result<?>> byMethod;

    OverheadReport(Map<String, Result<?>> byMethod) {
        this.byMethod = Map.copyOf(byMethod);
    }

    @Override
    public String title() {
        return "overhead (JMH)";
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder()
                .append("JMH 1.37, average time per call, ").append(OverheadRun.FORKS).append(" fork, ")
                .append(OverheadRun.WARMUP_ITERATIONS).append(" warm-up and ")
                .append(OverheadRun.MEASUREMENT_ITERATIONS).append(" measured iterations of ")
                .append(OverheadRun.ITERATION_TIME).append(", one thread, `-Xmx512m`. The provider is in-process ")
                .append("(`FixedImageProvider`: the same PNG every call, no HTTP); `direct` calls it alone, ")
                .append("`imageGenerator` through `ImageGenerator.generate(chain, request)` of the starter's ")
                .append("auto-configured engine (a one-provider chain, defaults), `imageGenerationMethod` through ")
                .append("an `@ImageGeneration` method of a Spring bean. Overhead = the call minus `direct`.\n\n")
                .append("| benchmark | ns/op | ± (99.9%) | overhead per successful call |\n|---|---:|---:|---:|\n");
        for (String method : List.of("direct", "imageGenerator", "imageGenerationMethod")) {
            Result<?> result = byMethod.get(method);
            if (result == null) {
                continue;
            }
            md.append("| ").append(method).append(" | ").append(Format.number(result.getScore(), 0))
                    .append(" | ").append(Format.number(result.getScoreError(), 0)).append(" | ")
                    .append(method.equals("direct") ? "" : Format.number(overhead(method), 0) + " ns")
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    @Override
    public List<TargetCheck> targets() {
        return List.of(check("imageGenerator", "ImageGenerator.generate"),
                check("imageGenerationMethod", "an @ImageGeneration method"));
    }

    private TargetCheck check(String method, String what) {
        if (!byMethod.containsKey(method) || !byMethod.containsKey("direct")) {
            return TargetCheck.of("overhead: ≤ 20 µs per successful call (" + what + ")", false, "not run",
                    "the benchmark did not run");
        }
        double overhead = overhead(method);
        return TargetCheck.of("overhead: ≤ 20 µs per successful call (" + what + ")", overhead <= TARGET_NANOS,
                Format.number(overhead / 1000, 1) + " µs", "the engine's per-call work; see the table");
    }

    private double overhead(String method) {
        return byMethod.get(method).getScore() - byMethod.get("direct").getScore();
    }
}
