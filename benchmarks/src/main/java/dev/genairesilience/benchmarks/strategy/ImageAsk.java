package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.Resolution;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What every request of a scenario asks for, as each strategy is told it.
 *
 * @param resolution    the resolution asked for
 * @param degrade       the lower resolutions the caller accepts, highest first: the engine's chain
 *                      {@code degrade} ladder, and the steps of a strategy whose recipe describes one
 * @param chainSettings settings of the engine's chain only, relative to {@code genai.chains.<chain>.}, such as
 *                      {@code coalesce=true}; no other strategy has them
 */
public record ImageAsk(Resolution resolution, List<Resolution> degrade, Map<String, String> chainSettings) {

    /** 1K, no ladder, no chain settings: what the scenarios ask unless they say otherwise. */
    public static final ImageAsk DEFAULT = new ImageAsk(Resolution.ONE_K, List.of(), Map.of());

    public ImageAsk {
        Objects.requireNonNull(resolution, "resolution");
        degrade = List.copyOf(degrade);
        chainSettings = Map.copyOf(chainSettings);
    }

    /** The resolution asked for, then the ladder: the order of a strategy that steps down. */
    public List<Resolution> ladder() {
        return Stream.concat(Stream.of(resolution), degrade.stream()).toList();
    }
}
