package dev.genairesilience.benchmarks.strategy;

/** A way to get an image out of a lineup of models, as an application would code it. Thread-safe. */
public interface Strategy extends AutoCloseable {

    /**
     * Generates one image.
     *
     * @return the model that delivered it
     * @throws Exception when nothing was delivered
     */
    String generate(String prompt) throws Exception;

    /** Releases what the strategy holds; only the engine holds something (its application context). */
    @Override
    default void close() {
    }
}
