package dev.genairesilience.benchmarks;

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
}
