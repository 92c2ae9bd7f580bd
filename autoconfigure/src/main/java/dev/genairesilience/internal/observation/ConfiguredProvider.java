package dev.genairesilience.internal.observation;

/**
 * A provider as configured under {@code genai.providers}.
 *
 * @param id       its id
 * @param type     its type
 * @param model    its model
 * @param created  whether start-up created it ({@code false}: left out of its chains for want of an API key)
 * @param breakers whether it has a circuit breaker (it is a step of some chain, not only a last resort)
 */
public record ConfiguredProvider(String id, String type, String model, boolean created, boolean breakers) {
}
