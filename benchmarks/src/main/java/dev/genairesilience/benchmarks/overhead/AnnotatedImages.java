package dev.genairesilience.benchmarks.overhead;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGeneration;

/** A service as an application writes one: the chain generates, the body is the last resort. */
public class AnnotatedImages {

    /** Generated through the in-process chain; the body runs only if it cannot deliver. */
    @ImageGeneration(chain = OverheadConfiguration.CHAIN)
    public GeneratedImage render(String prompt) {
        return null;
    }
}
