package dev.genairesilience.benchmarks.strategy;

/**
 * One model at one API, as every strategy calls it.
 *
 * @param id    the provider id ({@code genai.providers.<id>}), also the breaker's name in the engine
 * @param api   the API it speaks
 * @param model the model id at that API
 */
public record ModelEndpoint(String id, ApiType api, String model) {
}
