package dev.genairesilience.internal.observation;

/**
 * One call as the endpoint lists it: no prompt, no key.
 *
 * @param at           when it ended (ISO-8601)
 * @param chain        the chain, or the {@code @ModelFallback} method
 * @param provider     the provider id (the model, for {@code @ModelFallback(models = …)})
 * @param model        the model asked
 * @param resolution   the resolution asked, or {@code null}
 * @param outcome      {@code OK}, or the failure kind such as {@code OVERLOADED}
 * @param httpStatus   the provider's HTTP status, or {@code 0} without an answer
 * @param durationMs   how long the call took
 * @param waitBeforeMs how long the engine waited before it
 */
record RecentAttempt(String at, String chain, String provider, String model, String resolution,
        String outcome, int httpStatus, long durationMs, long waitBeforeMs) {
}
