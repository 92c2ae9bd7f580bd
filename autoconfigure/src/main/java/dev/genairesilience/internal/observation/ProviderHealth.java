package dev.genairesilience.internal.observation;

/** How a provider stands, from worst to best as the health contributor ranks them. */
enum ProviderHealth {

    /** It cannot serve until someone fixes its configuration: no key, or the key or model id refused (401/403/404). */
    MISCONFIGURED(false),

    /** Its circuit breaker is open: requests skip it. */
    DOWN(false),

    /** It is to be warmed and is not warm (yet, or its warm-up failed): it serves, slowly. */
    COLD(true),

    /** It serves, but its breaker is half-open or its recent calls or probe failed. */
    DEGRADED(true),

    /** It serves. */
    UP(true);

    private final boolean canServe;

    ProviderHealth(boolean canServe) {
        this.canServe = canServe;
    }

    /** Whether a request sent to it now may be served. */
    public boolean canServe() {
        return canServe;
    }
}
