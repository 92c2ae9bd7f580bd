package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.strategy.ApiType;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import java.time.Duration;
import java.util.List;

/** The models the scenarios offer, and how long a generation takes. */
final class Models {

    /** What one emulated call takes, answer or error, unless a scenario says otherwise (scenario time). */
    static final Duration CALL_LATENCY = Duration.ofSeconds(2);

    /** The recipe's own pair: the overloaded preview model, then the flash model. */
    static final List<ModelEndpoint> GEMINI_PAIR = List.of(
            new ModelEndpoint("primary", ApiType.GEMINI, "gemini-3-pro-image-preview"),
            new ModelEndpoint("secondary", ApiType.GEMINI, "gemini-2.5-flash-image"));

    private Models() {
    }
}
