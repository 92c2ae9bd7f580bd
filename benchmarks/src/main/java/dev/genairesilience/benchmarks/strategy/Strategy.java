package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.benchmarks.load.Delivery;

/** A way to get an image out of a lineup of models, as an application would code it. Thread-safe. */
public interface Strategy extends AutoCloseable {

    /**
     * Generates one image, as the scenario's {@link ImageAsk} asks.
     *
     * @return the model that delivered it, and at which resolution
     * @throws Exception when nothing was delivered
     */
    Delivery generate(String prompt) throws Exception;

    /** Releases what the strategy holds; only the engine holds something (its application context). */
    @Override
    default void close() {
    }
}
