package dev.genairesilience;

import java.time.Duration;

/**
 * What a {@link ModelFallback @ModelFallback} method body (or a {@code @WarmOnStartup} method) is asked
 * to do on this attempt: which model to call, at which resolution, and how long it may take.
 *
 * @param provider    the step's id: the provider id of a chain, or the model itself for {@code models = …}
 * @param model       the model to call
 * @param resolution  the resolution to ask for, or {@code null} when the method did not ask for one
 * @param aspectRatio the aspect ratio to ask for, or {@code null}
 * @param number      1 for the first attempt of this whole invocation, then 2, 3, …
 * @param timeout     how long this attempt may take: the smaller of the provider's timeout and the time
 *                    left before the deadline; pass it on to the SDK's own timeout
 */
public record ModelAttempt(String provider, String model, Resolution resolution, String aspectRatio, int number,
        Duration timeout) {
}
