package dev.genairesilience;

import dev.genairesilience.failure.FailureKind;
import java.time.Duration;

/**
 * One call the engine made to a provider, as it happened.
 *
 * @param provider    the provider id from configuration (or the model, for {@code @ModelFallback})
 * @param model       the model that was asked
 * @param resolution  the resolution that was asked, or {@code null} where resolution does not apply
 * @param failure     what went wrong, or {@code null} when this attempt delivered
 * @param httpStatus  the HTTP status the provider answered, or {@code 0} when there was no HTTP answer
 * @param duration    how long the call took
 * @param waitBefore  how long the engine waited (backoff or server hint) before making it
 */
public record Attempt(String provider, String model, Resolution resolution, FailureKind failure, int httpStatus,
        Duration duration, Duration waitBefore) {

    /** Whether this attempt delivered the result. */
    public boolean succeeded() {
        return failure == null;
    }

    /** A compact form for headers and logs: {@code provider/1K:OVERLOADED(503) 120ms}. */
    public String summary() {
        StringBuilder s = new StringBuilder(provider);
        if (resolution != null) {
            s.append('/').append(resolution.label());
        }
        s.append(':').append(failure == null ? "OK" : failure.name());
        if (httpStatus > 0) {
            s.append('(').append(httpStatus).append(')');
        }
        s.append(' ').append(duration.toMillis()).append("ms");
        if (!waitBefore.isZero()) {
            s.append(" after ").append(waitBefore.toMillis()).append("ms wait");
        }
        return s.toString();
    }
}
