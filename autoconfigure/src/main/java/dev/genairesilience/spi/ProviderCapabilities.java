package dev.genairesilience.spi;

import dev.genairesilience.Resolution;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a provider can serve. A chain step asking for something outside it is skipped, never sent.
 *
 * @param resolutions  the resolutions it can generate
 * @param aspectRatios the aspect ratios it accepts, such as {@code 1:1}; empty means any
 * @param alwaysDegraded {@code true} for a stand-in such as the offline card: what it delivers is always
 *                     reported as degraded
 */
public record ProviderCapabilities(Set<Resolution> resolutions, Set<String> aspectRatios, boolean alwaysDegraded) {

    public ProviderCapabilities {
        resolutions = resolutions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(resolutions));
        aspectRatios = Set.copyOf(aspectRatios);
    }

    /** Whether a call at this resolution and aspect ratio can be sent. */
    public boolean supports(Resolution resolution, String aspectRatio) {
        return resolutions.contains(resolution) && (aspectRatios.isEmpty() || aspectRatios.contains(aspectRatio));
    }
}
