package dev.genairesilience;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates the image through a provider chain instead of running the method body.
 *
 * <p>The annotated method takes the prompt as a {@code String} or an {@link ImageRequest} parameter and
 * returns {@link GeneratedImage}, {@code byte[]} or {@code CompletableFuture<GeneratedImage>}. The chain
 * generates; like {@code @Cacheable} on a miss, the body runs only when the chain has nothing left, as the
 * application's own last resort. If the body throws or returns {@code null}, the caller gets the
 * {@link GenerationUnavailableException}.
 *
 * <p>With {@code mode = OFF_PEAK} the method returns {@link ImageJob} instead: the request is checked and queued
 * for the off-peak window ({@link ImageGenerator#submit(String, ImageRequest)}), and the body never runs.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ImageGeneration {

    /** The chain to use; empty for the default chain. */
    String chain() default "";

    /** {@code 1K}, {@code 2K} or {@code 4K}; empty for the chain's resolution. Overridden by an {@link ImageRequest}'s own. */
    String resolution() default "";

    /** Such as {@code 16:9}; empty for the chain's. Overridden by an {@link ImageRequest}'s own. */
    String aspectRatio() default "";

    /**
     * How long the caller may wait in all, such as {@code 30s}; empty for the chain's deadline. With
     * {@link Mode#OFF_PEAK}, how long each run of the job may take.
     */
    String deadline() default "";

    /** {@link Mode#IMMEDIATE} (the default) generates now; {@link Mode#OFF_PEAK} queues for the off-peak window. */
    Mode mode() default Mode.IMMEDIATE;

    /** When the image is generated. */
    enum Mode {

        /** Now, while the caller waits; the method returns the image. */
        IMMEDIATE,

        /** Later, in the off-peak window {@code genai.batch.window}; the method returns the queued {@link ImageJob}. */
        OFF_PEAK
    }
}
