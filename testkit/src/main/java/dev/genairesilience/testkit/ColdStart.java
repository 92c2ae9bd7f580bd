package dev.genairesilience.testkit;

import java.time.Duration;
import java.time.Instant;

/** A model that loads for {@code loadingFor} from the first call it receives. */
final class ColdStart {

    private final Duration estimatedTime;
    private final Duration loadingFor;
    private Instant firstCall;

    ColdStart(Duration estimatedTime, Duration loadingFor) {
        this.estimatedTime = Durations.requireNonNegative(estimatedTime, "estimatedTime");
        this.loadingFor = Durations.requireNonNegative(loadingFor, "loadingFor");
    }

    /** The estimate the loading answer reports. */
    Duration estimatedTime() {
        return estimatedTime;
    }

    /** How long the model still loads; the first call starts the loading clock. */
    synchronized Duration remainingLoading(Instant now) {
        if (firstCall == null) {
            firstCall = now;
        }
        Duration left = Duration.between(now, firstCall.plus(loadingFor));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
