package dev.genairesilience.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run measured, from the JVM and {@code /proc}.
 *
 * @param cpus     processors available to the JVM
 * @param cpuModel the first {@code model name} of {@code /proc/cpuinfo}
 * @param memory   {@code MemTotal} of {@code /proc/meminfo}, in GiB
 * @param os       name, version and architecture
 * @param jdk      the runner's JVM: vendor, name and version
 */
public record MachineInfo(int cpus, String cpuModel, String memory, String os, String jdk) {

    /** This machine. */
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name").orElse("unknown"),
                procField("/proc/meminfo", "MemTotal").map(MachineInfo::gib).orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
    }

    /** The load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), or "unknown". */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Optional<String> procField(String file, String field) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code "24683412 kB"} as GiB. */
    private static String gib(String kb) {
        long kib = Long.parseLong(kb.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }
}
