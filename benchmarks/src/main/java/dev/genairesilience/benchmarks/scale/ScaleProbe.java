package dev.genairesilience.benchmarks.scale;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.strategy.ApiType;
import dev.genairesilience.benchmarks.strategy.EngineApplication;
import dev.genairesilience.benchmarks.strategy.EngineProperties;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.ProviderLineup;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine side of the {@code scale} scenario, in a JVM of its own ({@code -Xmx512m}): starts
 * {@link ScaleSettings#REQUESTS} slow generations over {@link ScaleSettings#RAMP}, one thread each (platform or
 * virtual), and reports
 * on standard output, as {@code result.<name>=<value>} lines, how many were in flight at once and the threads and
 * heap that took. Prints {@code first-done} when the first image arrives, for the parent to ask the emulator
 * how many calls it had received by then. Arguments: {@code platform|virtual}, the emulator's port, the time
 * factor.
 */
public final class ScaleProbe {

    private ScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean virtual = "virtual".equals(args[0]);
        TimeScale scale = new TimeScale(Double.parseDouble(args[2]));
        try (ConfigurableApplicationContext context = EngineApplication.start(properties(args[1], scale))) {
            ImageGenerator generator = context.getBean(ImageGenerator.class);
            warmUp(generator);
            ProbeGauges gauges = ProbeGauges.start();
            run(generator, virtual, scale, gauges);
        }
        System.exit(0);
    }

    private static Map<String, Object> properties(String port, TimeScale scale) {
        ProviderLineup lineup = new ProviderLineup(URI.create("http://127.0.0.1:" + port),
                List.of(new ModelEndpoint("slow", ApiType.GEMINI, EmulatorProcess.SLOW_MODEL)));
        Map<String, Object> p = new LinkedHashMap<>(EngineProperties.of(lineup, scale));
        p.putAll(EngineProperties.provider(new ModelEndpoint("fast", ApiType.GEMINI, EmulatorProcess.FAST_MODEL),
                lineup, scale));
        p.put("genai.chains.warm.providers", "fast");
        p.put("genai.providers.slow.timeout", scale.property(ScaleSettings.PATIENCE));
        p.put("genai.chains." + EngineProperties.CHAIN + ".deadline", scale.property(ScaleSettings.PATIENCE));
        return p;
    }

    /** Loads and compiles the engine's path before anything is measured. */
    private static void warmUp(ImageGenerator generator) {
        for (int i = 0; i < 300; i++) {
            generator.generate("warm", ImageRequest.of("warm-up " + i));
        }
    }

    private static void run(ImageGenerator generator, boolean virtual, TimeScale scale, ProbeGauges gauges)
            throws InterruptedException {
        int requests = ScaleSettings.REQUESTS;
        long start = System.nanoTime();
        ProbeCounts counts = new ProbeCounts(requests, start);
        double gapNanos = (double) scale.wall(ScaleSettings.RAMP).toNanos() / requests;
        int started = 0;
        while (started < requests) {
            // start whatever is due, then sleep a millisecond: spinning would take a core from the generations
            long elapsed = System.nanoTime() - start;
            while (started < requests && Math.round(started * gapNanos) <= elapsed) {
                String prompt = "a slow 4K render #" + started++;
                Runnable generation = () -> generate(generator, prompt, counts);
                if (virtual) {
                    VirtualThreads.start(generation);
                } else {
                    new Thread(generation, "generation").start();
                }
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        long launched = System.nanoTime() - start;
        while (counts.inFlight() < requests && !counts.anyEnded()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long liveHeap = counts.inFlight() == requests ? gauges.liveHeapBytes() : -1;
        // a generation still running after the deadline and a minute more is one not delivered
        counts.awaitEnd(scale.wall(ScaleSettings.PATIENCE).toMillis() + 60_000);
        gauges.stop();
        result("java", Runtime.version().toString());
        result("threads", virtual ? "virtual" : "platform");
        result("requests", requests);
        result("succeeded", counts.succeeded());
        result("peakInFlight", counts.peak());
        result("launchMillis", TimeUnit.NANOSECONDS.toMillis(launched));
        result("firstAnswerMillis", TimeUnit.NANOSECONDS.toMillis(counts.firstAnswerNanos()));
        result("liveHeapAtPeakBytes", liveHeap);
        result("maxHeapUsedBytes", gauges.maxHeapUsedBytes());
        result("peakPlatformThreads", gauges.peakPlatformThreads());
        result("peakRssBytes", gauges.peakRssBytes());
        Throwable error = counts.firstError();
        result("firstError", error == null ? "" : error.toString().replace('\n', ' '));
    }

    private static void generate(ImageGenerator generator, String prompt, ProbeCounts counts) {
        counts.started();
        Throwable error = null;
        try {
            generator.generate(EngineProperties.CHAIN, ImageRequest.of(prompt));
        } catch (RuntimeException e) {
            error = e;
        } finally {
            if (counts.ended(error)) {
                System.out.println("first-done");
                System.out.flush();
            }
        }
    }

    private static void result(String name, Object value) {
        System.out.println("result." + name + "=" + value);
    }
}
