package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chain does differently while a peak window is on ({@code genai.chains.<name>.peak.*}): the resolution it
 * asks when a request does not say, its providers, and whether deferrable requests become queued jobs. Start from
 * {@link #none()}.
 */
public final class PeakOverrides {

    private static final PeakOverrides NONE = new PeakOverrides(null, null, false);

    private final Resolution resolution;
    private final List<String> providers;
    private final boolean defer;

    private PeakOverrides(Resolution resolution, List<String> providers, boolean defer) {
        this.resolution = resolution;
        this.providers = providers == null ? null : List.copyOf(providers);
        this.defer = defer;
    }

    /** A peak changes nothing. */
    public static PeakOverrides none() {
        return NONE;
    }

    /** During a peak the chain asks {@code resolution} when a request does not say; {@code null} keeps its own. */
    public PeakOverrides resolution(Resolution resolution) {
        return new PeakOverrides(resolution, providers, defer);
    }

    /** During a peak the chain tries these providers, in order; {@code null} keeps its own. */
    public PeakOverrides providers(List<String> providers) {
        return new PeakOverrides(resolution, providers, defer);
    }

    /** Whether deferrable requests become queued jobs during a peak. */
    public PeakOverrides defer(boolean defer) {
        return new PeakOverrides(resolution, providers, defer);
    }

    /** The resolution asked during a peak, when it is not the chain's own. */
    public Optional<Resolution> resolution() {
        return Optional.ofNullable(resolution);
    }

    /** The providers tried during a peak, when they are not the chain's own. */
    public Optional<List<String>> providers() {
        return Optional.ofNullable(providers);
    }

    /** Whether deferrable requests become queued jobs during a peak. */
    public boolean defer() {
        return defer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeakOverrides p && resolution == p.resolution && Objects.equals(providers, p.providers)
                && defer == p.defer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(resolution, providers, defer);
    }

    @Override
    public String toString() {
        return "PeakOverrides[resolution=" + resolution + ", providers=" + providers + ", defer=" + defer + "]";
    }
}
