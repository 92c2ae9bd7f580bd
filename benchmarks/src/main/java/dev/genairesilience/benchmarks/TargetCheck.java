package dev.genairesilience.benchmarks;

import java.math.BigDecimal;

/**
 * One target of the issue, checked against a run.
 *
 * @param target   the target as the issue states it
 * @param met      whether the run met it
 * @param measured what the run measured
 * @param limitedBy when missed, what limits it; empty when met
 */
public record TargetCheck(String target, boolean met, String measured, String limitedBy) {

    /** A check whose explanation is given only when it is missed. */
    public static TargetCheck of(String target, boolean met, String measured, String ifMissed) {
        return new TargetCheck(target, met, measured, met ? "" : ifMissed);
    }

    /**
     * A check that {@code figure}, a plain number as {@link Format} writes it, is at least {@code bound}. The
     * figure as written is what is judged, at the precision the page gives it, so that the page never shows a
     * figure equal to its bound marked missed (7.18 images/s, written 7.2, meets "≥ 7.2").
     *
     * @param unit appended to the figure in the measured column, such as {@code %} or {@code  s}
     */
    public static TargetCheck atLeast(String target, String figure, String unit, double bound, String ifMissed) {
        return of(target, new BigDecimal(figure).compareTo(BigDecimal.valueOf(bound)) >= 0, figure + unit, ifMissed);
    }

    /** As {@link #atLeast}, for an upper bound. */
    public static TargetCheck atMost(String target, String figure, String unit, double bound, String ifMissed) {
        return of(target, new BigDecimal(figure).compareTo(BigDecimal.valueOf(bound)) <= 0, figure + unit, ifMissed);
    }

    /** A bound as the target states it: {@code 60}, {@code 99.9}, {@code 1.02}. */
    public static String bound(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
