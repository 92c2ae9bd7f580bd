package dev.genairesilience.benchmarks;

import java.time.Duration;
import java.util.Locale;

/** How figures are written in the results. */
public final class Format {

    private Format() {
    }

    /** A percentage with enough decimals to tell 99.9 from 100. */
    public static String percent(double value) {
        return value >= 99.0 && value < 100.0 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A plain number with {@code decimals} decimals. */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Milliseconds, whole from 10 up. */
    public static String millis(double ms) {
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    /** A scenario duration in seconds, such as {@code 12.5 s}. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }
}
