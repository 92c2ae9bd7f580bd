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

    /** How long the caller may wait in all, such as {@code 30s}; empty for the chain's deadline. */
    String deadline() default "";
}
