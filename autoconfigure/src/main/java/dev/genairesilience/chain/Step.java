package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.time.Duration;
import java.util.Objects;

/**
 * One thing a {@link Plan} may try: a model of a provider at a resolution, retried as the engine's retry
 * settings allow.
 *
 * @param breakerId      the circuit breaker (and retry budget) this step counts against, usually the provider id
 * @param provider       the provider id, or the model itself for {@code @ModelFallback(models = …)}
 * @param model          the model asked
 * @param resolution     the resolution asked, or {@code null} where resolution does not apply
 * @param timeout        the provider's per-call timeout; each attempt gets at most the time left before the deadline
 * @param alwaysDegraded {@code true} for a stand-in whose result is never what was asked for (an offline card)
 * @param call           the one call an attempt makes
 * @param <T>            what the call produces
 */
public record Step<T>(String breakerId, String provider, String model, Resolution resolution, Duration timeout,
        boolean alwaysDegraded, StepCall<T> call) {

    public Step {
        Objects.requireNonNull(breakerId, "breakerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(call, "call");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Step timeout must be positive, was " + timeout);
        }
    }

    /** {@code provider/4K}, or just the provider when resolution does not apply: for messages. */
    public String label() {
        return resolution == null ? provider : provider + "/" + resolution.label();
    }
}
