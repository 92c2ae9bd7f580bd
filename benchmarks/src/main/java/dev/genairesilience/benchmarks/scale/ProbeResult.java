package dev.genairesilience.benchmarks.scale;

import java.util.Map;

/**
 * What one probe JVM reported.
 *
 * @param values           its {@code result.<name>} values by name
 * @param callsAtFirstDone calls the emulator had received when the probe's first generation ended, or -1
 */
record ProbeResult(Map<String, String> values, long callsAtFirstDone) {

    ProbeResult {
        values = Map.copyOf(values);
    }

    String text(String name) {
        return values.getOrDefault(name, "");
    }

    long number(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
    }

    boolean virtual() {
        return "virtual".equals(text("threads"));
    }
}
