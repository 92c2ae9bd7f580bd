package dev.genairesilience.internal.warmup;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;

/** Puts warm-up and probe results in place for tests of the packages that read them. */
public final class WarmupFixtures {

    private WarmupFixtures() {
    }

    public static void pending(WarmupStates states, String target) {
        states.pending(target);
    }

    public static void warmed(WarmupStates states, String target) {
        states.warmed(target);
    }

    public static void failed(WarmupStates states, String target, FailureKind kind, String problem) {
        states.failed(target, kind, problem);
    }

    public static void probePassed(ProbeResults results, String provider) {
        results.passed(provider);
    }

    public static void probeFailed(ProbeResults results, String provider, FailureKind kind, int status) {
        results.failed(provider, new Failure(kind, status, null, null));
    }
}
