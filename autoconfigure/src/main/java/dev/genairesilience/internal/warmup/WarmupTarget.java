package dev.genairesilience.internal.warmup;

import java.time.Duration;
import java.util.Objects;

/**
 * Something to warm at start-up and keep hot: a configured provider ({@code genai.warmup.providers}) or a
 * {@code @WarmOnStartup} method.
 *
 * @param name      the provider id, or {@code bean#method}; the key of its {@link WarmupStatus}
 * @param breakerId the circuit breaker its failures count against
 * @param model     the model it warms
 * @param timeout   how long one warm-up may take, retries included
 * @param keepAlive how often to warm again after the first time, or {@code null} for never
 * @param call      the call an attempt makes
 */
public record WarmupTarget(String name, String breakerId, String model, Duration timeout, Duration keepAlive,
        WarmupCall call) {

    public WarmupTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(breakerId, "breakerId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(call, "call");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("warm-up timeout of " + name + " must be positive, was " + timeout);
        }
        if (keepAlive != null && (keepAlive.isNegative() || keepAlive.isZero())) {
            throw new IllegalArgumentException("keep-alive of " + name + " must be positive, was " + keepAlive);
        }
    }
}
