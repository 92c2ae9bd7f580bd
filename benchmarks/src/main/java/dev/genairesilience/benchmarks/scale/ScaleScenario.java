package dev.genairesilience.benchmarks.scale;

import dev.genairesilience.benchmarks.RunnerOptions;
import dev.genairesilience.benchmarks.TimeScale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scale}: {@link ScaleSettings#REQUESTS} slow generations in flight at once through the engine, once on
 * Java 17 platform threads and once on Java 25 virtual threads, each in a probe JVM of its own, against an emulator
 * in a third JVM.
 */
public final class ScaleScenario {

    private static final Duration QUIET_LIMIT = Duration.ofMinutes(3);

    private ScaleScenario() {
    }

    /** Runs both probes and reports them. */
    public static ScaleReport run(RunnerOptions options) throws IOException, InterruptedException {
        TimeScale scale = options.scale();
        String classpath = System.getProperty("java.class.path");
        String java17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path java25 = options.java25().resolve("bin").resolve("java");
        List<ProbeResult> probes = new ArrayList<>();
        String skipped = "";
        // on Java 25 the emulator serves each call on a virtual thread; on 17 (small stacks) on a platform thread
        String emulatorJava = Files.isExecutable(java25) ? java25.toString() : java17;
        try (ChildProcess emulator = ChildProcess.start(List.of(emulatorJava, "-Xss256k", "-cp", classpath,
                EmulatorProcess.class.getName(), Long.toString(scale.wall(ScaleSettings.LATENCY).toMillis())))) {
            String port = emulator.awaitValue("port=", QUIET_LIMIT);
            probes.add(probe(emulator, java17, "platform", port, scale, classpath));
            if (Files.isExecutable(java25)) {
                probes.add(probe(emulator, java25.toString(), "virtual", port, scale, classpath));
            } else {
                skipped = "No JDK at " + options.java25() + ": the virtual-thread probe did not run.";
            }
        }
        return new ScaleReport(scale, probes, skipped);
    }

    private static ProbeResult probe(ChildProcess emulator, String java, String threads, String port,
            TimeScale scale, String classpath) throws IOException, InterruptedException {
        long before = emulatorCalls(emulator);
        long atFirstDone = -1;
        Map<String, String> values = new HashMap<>();
        try (ChildProcess probe = ChildProcess.start(List.of(java, ScaleSettings.MAX_HEAP, "-cp", classpath,
                ScaleProbe.class.getName(), threads, port, Double.toString(scale.factor())))) {
            for (String line = probe.nextLine(QUIET_LIMIT); line != null; line = probe.nextLine(QUIET_LIMIT)) {
                if (line.equals("first-done")) {
                    atFirstDone = emulatorCalls(emulator) - before;
                } else if (line.startsWith("result.")) {
                    int eq = line.indexOf('=');
                    values.put(line.substring("result.".length(), eq), line.substring(eq + 1));
                }
            }
        }
        ProbeResult result = new ProbeResult(values, atFirstDone);
        System.out.printf("scale      %-8s threads on Java %s: %s in flight, %s delivered, live heap %s B, %s "
                + "platform threads%n", threads, result.text("java"), result.text("peakInFlight"),
                result.text("succeeded"), result.text("liveHeapAtPeakBytes"), result.text("peakPlatformThreads"));
        return result;
    }

    private static long emulatorCalls(ChildProcess emulator) throws InterruptedException {
        emulator.send("calls");
        return Long.parseLong(emulator.awaitValue("calls=", QUIET_LIMIT));
    }
}
