package dev.genairesilience.chain;

/** How a chain's balanced providers ({@code genai.chains.<name>.balance}) share its requests. */
public enum BalanceBy {
    /** In proportion to their weights, evenly interleaved (smooth weighted round robin). */
    WEIGHT,
    /** To the one with the fewest calls in flight for its weight; equal ones by weight. */
    LEAST_IN_FLIGHT
}
