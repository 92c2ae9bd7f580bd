package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.time.Duration;
import java.util.List;

/**
 * A configured chain: which providers to try, at which resolutions, within which deadline.
 *
 * @param name        the key under {@code genai.chains}
 * @param providers   provider ids, in order of preference (those left out at start-up are already gone)
 * @param resolution  the resolution asked for when the request does not say
 * @param degrade     lower resolutions to fall back to, in order, such as {@code [2K, 1K]}
 * @param aspectRatio the aspect ratio asked for when the request does not say
 * @param deadline    how long a caller waits in all when the request does not say
 * @param lastResort  a provider id tried when every step failed, whatever the deadline, or {@code null}
 * @param order       whether to degrade on a provider before moving on, or try every provider first
 */
public record ChainDefinition(String name, List<String> providers, Resolution resolution, List<Resolution> degrade,
        String aspectRatio, Duration deadline, String lastResort, StepOrder order) {

    public ChainDefinition {
        providers = List.copyOf(providers);
        degrade = List.copyOf(degrade);
    }

    /** The order in which a chain's provider × resolution steps are tried. */
    public enum StepOrder {
        /** pro@4K, pro@2K, pro@1K, flash@4K, …: keep a provider, lower the resolution, then move on. */
        PROVIDER_FIRST,
        /** pro@4K, flash@4K, pro@2K, flash@2K, …: keep the resolution as long as any provider has it. */
        RESOLUTION_FIRST
    }
}
