package dev.genairesilience.benchmarks.scale;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.report.ReportSection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code scale} section of the results page. */
public final class ScaleReport implements ReportSection {

    private static final long MIB = 1024 * 1024;
    private static final long HEAP_TARGET = 512 * MIB;

    private final TimeScale scale;
    private final List<ProbeResult> probes;
    private final String skipped;

    ScaleReport(TimeScale scale, List<ProbeResult> probes, String skipped) {
        this.scale = scale;
        this.probes = List.copyOf(probes);
        this.skipped = skipped;
    }

    @Override
    public String title() {
        return "scale";
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder()
                .append("10,000 generations arrive evenly over ").append(seconds(ScaleSettings.RAMP))
                .append(" through `ImageGenerator.generate`, one thread each, at a model whose every call takes ")
                .append(seconds(ScaleSettings.LATENCY)).append(" (")
                .append(scale.wall(ScaleSettings.LATENCY).toMillis())
                .append(" ms of wall time), so that all are in flight together once the last has arrived. The ")
                .append("application sets the provider timeout and the chain deadline to ")
                .append(seconds(ScaleSettings.PATIENCE)).append(" for such slow generations (at the 60 s defaults ")
                .append("they would time out); everything else is as in the other scenarios, scaled. The engine ")
                .append("runs in a probe JVM of its own with `")
                .append(ScaleSettings.MAX_HEAP).append("`, after 300 warm-up calls to a fast model. The emulator runs ")
                .append("in a third JVM (on Java 25 when present): the testkit's `ProviderEmulator` started with a ")
                .append("backlog of 4,096 and a virtual thread per call, because its defaults (a backlog of 256, a ")
                .append("platform thread per call) reset connections beyond a few hundred arrivals per second. ")
                .append("All three JVMs share the 2 cores.\n\n")
                .append("\"In flight at once (engine)\" counts generations inside `generate` at the same moment; ")
                .append("\"calls at the emulator before its first answer\" is how many of them had reached the ")
                .append("emulator by the time the first one ended (a lower bound of those in flight there together). ")
                .append("\"Live heap\" is the heap in use after a full collection with every generation in flight; ")
                .append("it includes softly reachable buffers the collector would free before running out.\n\n")
                .append("| threads | JDK | in flight at once (engine) | calls at the emulator before the first ")
                .append("answer | images delivered | live heap, all in flight | most heap used | peak platform ")
                .append("threads | peak RSS | time to start all |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ProbeResult p : probes) {
            md.append("| ").append(p.text("threads")).append(" | ").append(p.text("java"))
                    .append(" | ").append(p.text("peakInFlight"))
                    .append(" | ").append(p.callsAtFirstDone() < 0 ? "" : Long.toString(p.callsAtFirstDone()))
                    .append(" | ").append(p.text("succeeded"))
                    .append(" | ").append(mib(p.number("liveHeapAtPeakBytes")))
                    .append(" | ").append(mib(p.number("maxHeapUsedBytes")))
                    .append(" | ").append(p.text("peakPlatformThreads"))
                    .append(" | ").append(mib(p.number("peakRssBytes")))
                    .append(" | ").append(p.number("launchMillis") < 0 ? ""
                            : Format.millis(p.number("launchMillis")) + " ms wall")
                    .append(" |\n");
        }
        for (ProbeResult p : probes) {
            if (!p.text("firstError").isEmpty()) {
                md.append("\nFirst error on ").append(p.text("threads")).append(" threads: `")
                        .append(p.text("firstError")).append("`\n");
            }
        }
        if (!skipped.isEmpty()) {
            md.append('\n').append(skipped).append('\n');
        }
        return md.append('\n').toString();
    }

    @Override
    public List<TargetCheck> targets() {
        Optional<ProbeResult> virtual = probes.stream().filter(ProbeResult::virtual).findFirst();
        if (virtual.isEmpty()) {
            return List.of(TargetCheck.of("scale: 10,000 generations in flight on virtual threads with ≤ 512 MB heap",
                    false, "not run", skipped));
        }
        ProbeResult v = virtual.get();
        boolean allInFlight = v.number("peakInFlight") >= ScaleSettings.REQUESTS;
        boolean allDelivered = v.number("succeeded") == ScaleSettings.REQUESTS;
        long live = v.number("liveHeapAtPeakBytes");
        boolean heapOk = live > 0 && live <= HEAP_TARGET;
        String measured = v.number("peakInFlight") + " in flight in the engine (" + v.callsAtFirstDone()
                + " had reached the emulator before its first answer), " + v.text("succeeded") + " delivered, live "
                + "heap " + mib(live) + " under `-Xmx512m`";
        String limit = !allInFlight ? "the threads could not all be started before the first generations ended"
                : !allDelivered ? "calls timed out: 10,000 HTTP exchanges in a few seconds saturate the 2 cores "
                        + "shared by the engine, its HTTP client and the emulator"
                        : "the heap held by 10,000 waiting generations; see the table";
        return List.of(TargetCheck.of("scale: 10,000 generations in flight on virtual threads with ≤ 512 MB heap",
                allInFlight && allDelivered && heapOk, measured, limit));
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "" : Format.number((double) bytes / MIB, 0) + " MiB";
    }
}
