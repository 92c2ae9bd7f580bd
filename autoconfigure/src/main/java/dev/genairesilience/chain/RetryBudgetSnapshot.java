package dev.genairesilience.chain;

/**
 * One provider's retry budget over its current window, for metrics and the actuator endpoint.
 *
 * @param firstAttempts first attempts of steps counted in the window
 * @param retries       retries granted in the window
 * @param refusals      retries refused in the window because the budget was spent
 */
public record RetryBudgetSnapshot(long firstAttempts, long retries, long refusals) {
}
