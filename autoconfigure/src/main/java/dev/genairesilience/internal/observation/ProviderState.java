package dev.genairesilience.internal.observation;

/**
 * One configured provider as health and the endpoint show it.
 *
 * @param id      the provider id
 * @param type    its type ({@code gemini}, {@code openai}, …)
 * @param model   its model
 * @param health  how it stands
 * @param reason  why it is not {@code UP} (failure kinds, statuses, states; never a key), or {@code null}
 * @param breaker its circuit breaker's state, or {@code null} when it has none (left out, or only a last resort)
 */
record ProviderState(String id, String type, String model, ProviderHealth health, String reason,
        String breaker) {
}
