package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

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

    /** The resolutions to try for a request asking {@code asked}: it, then the lower degrade entries in order. */
    public List<Resolution> resolutionsFrom(Resolution asked) {
        List<Resolution> resolutions = new ArrayList<>(List.of(asked));
        for (Resolution lower : degrade) {
            if (lower.compareTo(asked) < 0 && !resolutions.contains(lower)) {
                resolutions.add(lower);
            }
        }
        return resolutions;
    }

    /** The order in which a chain's provider × resolution steps are tried. */
    public enum StepOrder {
        /** pro@4K, pro@2K, pro@1K, flash@4K, …: keep a provider, lower the resolution, then move on. */
        PROVIDER_FIRST,
        /** pro@4K, flash@4K, pro@2K, flash@2K, …: keep the resolution as long as any provider has it. */
        RESOLUTION_FIRST;

        /** Visits every provider × resolution pair in this order. */
        public <P> void forEachStep(List<P> providers, List<Resolution> resolutions, BiConsumer<P, Resolution> step) {
            if (this == RESOLUTION_FIRST) {
                resolutions.forEach(resolution -> providers.forEach(provider -> step.accept(provider, resolution)));
            } else {
                providers.forEach(provider -> resolutions.forEach(resolution -> step.accept(provider, resolution)));
            }
        }
    }
}
