package dev.genairesilience.chain;

/**
 * How a chain trades the model the user chose against latency and calls ({@code genai.chains.<name>.prefer}).
 */
public enum Preference {

    /**
     * Retry a failing first provider within {@code genai.retry.max-attempts} and its retry budget, then move on:
     * the default.
     */
    BALANCED,

    /**
     * Stay on the first provider as long as its share of the deadline allows: retries are not capped by
     * {@code max-attempts}, its retry budget allows one retry per first attempt (a brownout is retried rather than
     * fallen over; an outage still opens the breaker), and a full lane is waited for rather than left.
     */
    QUALITY,

    /** Leave a provider at its first capacity answer (overloaded, rate limited) when another one can answer now. */
    LATENCY
}
