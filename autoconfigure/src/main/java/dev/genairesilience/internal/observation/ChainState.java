package dev.genairesilience.internal.observation;

import java.util.List;

/**
 * One configured chain as health and the endpoint show it.
 *
 * @param name       the chain's name
 * @param canServe   whether at least one of its providers (its last resort included) can serve now
 * @param providers  its providers as configured, in order (those left out at start-up included)
 * @param lastResort its last resort, or {@code null}
 * @param serving    those of them, the last resort last, that can serve now
 */
record ChainState(String name, boolean canServe, List<String> providers, String lastResort,
        List<String> serving) {

    public ChainState {
        providers = List.copyOf(providers);
        serving = List.copyOf(serving);
    }
}
