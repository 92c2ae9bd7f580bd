package dev.genairesilience.spi;

import dev.genairesilience.failure.Failure;

/**
 * Turns an exception into a {@link Failure}. Declare one as a bean (ordered with {@code @Order}) to teach
 * the engine another SDK's exceptions; yours are asked before the built-in ones, and the first answer
 * wins.
 */
@FunctionalInterface
public interface FailureClassifier {

    /**
     * @return the classification, or {@code null} when this classifier does not recognise {@code error}
     */
    Failure classify(Throwable error);
}
