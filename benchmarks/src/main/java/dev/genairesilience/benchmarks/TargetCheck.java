package dev.genairesilience.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One target of the issue, checked against a run.
 *
 * @param target   the target as the issue states it
 * @param met      whether the run met it
 * @param measured what the run measured
 * @param limitedBy when missed, what limits it; empty when met
 */
public record TargetCheck(String target, boolean met, String measured, String limitedBy) {

    /** Past this many decimals a figure is written as it is, whichever side of its bound it seems to be on. */
    private static final int MOST_DECIMALS = 6;

    /** A check whose explanation is given only when it is missed. */
    public static TargetCheck of(String target, boolean met, String measured, String ifMissed) {
        return new TargetCheck(target, met, measured, met ? "" : ifMissed);
    }

    /**
     * A check that {@code value} is at least {@code bound}, judged on the value itself.
     *
     * @param figure the value as the tables write it (a plain number, such as {@link Format#percent}); when that
     *               rounding would put it on the other side of the bound (98.96% written 99.0 beside "≥ 99%"), the
     *               measured column gets as many more decimals as it takes to show the miss
     * @param unit   appended to the figure in the measured column, such as {@code %} or {@code  s}
     */
    public static TargetCheck atLeast(String target, double value, String figure, String unit, double bound,
            String ifMissed) {
        boolean met = value >= bound;
        return of(target, met, figure(value, figure, bound, met, true) + unit, ifMissed);
    }

    /** As {@link #atLeast}, for an upper bound. */
    public static TargetCheck atMost(String target, double value, String figure, String unit, double bound,
            String ifMissed) {
        boolean met = value <= bound;
        return of(target, met, figure(value, figure, bound, met, false) + unit, ifMissed);
    }

    /** A bound as the target states it: {@code 60}, {@code 99.9}, {@code 1.02}. */
    public static String bound(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String figure(double value, String figure, double bound, boolean met, boolean lower) {
        BigDecimal written = new BigDecimal(figure);
        BigDecimal limit = BigDecimal.valueOf(bound);
        for (int decimals = Math.max(written.scale(), 0); decimals <= MOST_DECIMALS; decimals++) {
            int side = written.compareTo(limit);
            if ((lower ? side >= 0 : side <= 0) == met) {
                return written.toPlainString();
            }
            written = BigDecimal.valueOf(value).setScale(decimals + 1, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
