package dev.genairesilience.benchmarks.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Heap, platform threads and resident memory of the probe JVM, sampled every 10 ms by a thread of its own. */
final class ProbeGauges {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong maxHeapUsed = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private ProbeGauges() {
        threads.resetPeakThreadCount();
        sampler = new Thread(this::sample, "probe-gauges");
        sampler.setDaemon(true);
    }

    /** Starts sampling. */
    static ProbeGauges start() {
        ProbeGauges gauges = new ProbeGauges();
        gauges.sampler.start();
        return gauges;
    }

    private void sample() {
        while (running) {
            maxHeapUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
    }

    /** The heap still in use after a full collection: what the generations in flight hold. */
    long liveHeapBytes() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The most heap in use at a sample, garbage included. */
    long maxHeapUsedBytes() {
        return maxHeapUsed.get();
    }

    /** The most live platform threads since the start ({@code ThreadMXBean} does not count virtual ones). */
    int peakPlatformThreads() {
        return threads.getPeakThreadCount();
    }

    /** The process's peak resident memory ({@code VmHWM}), or -1 where {@code /proc} has none. */
    long peakRssBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
