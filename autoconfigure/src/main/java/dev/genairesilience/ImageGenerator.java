package dev.genairesilience;

import java.util.concurrent.CompletableFuture;

/**
 * Generates images through configured provider chains, with retries, circuit breakers, fallback and
 * resolution degradation. This is the programmatic face of the engine; the
 * {@link ImageGeneration @ImageGeneration} annotation calls it for you.
 */
public interface ImageGenerator {

    /**
     * Generates through the default chain ({@code genai.default-chain}, or the only chain there is).
     *
     * @throws GenerationUnavailableException when no provider of the chain could deliver in time
     * @throws GenerationRejectedException    when the request is invalid
     */
    GeneratedImage generate(ImageRequest request);

    /**
     * Generates through the named chain.
     *
     * @throws GenerationUnavailableException when no provider of the chain could deliver in time
     * @throws GenerationRejectedException    when the request is invalid or the chain does not exist
     */
    GeneratedImage generate(String chain, ImageRequest request);

    /** {@link #generate(ImageRequest)} on the application's task executor. */
    CompletableFuture<GeneratedImage> generateAsync(ImageRequest request);

    /** {@link #generate(String, ImageRequest)} on the application's task executor. */
    CompletableFuture<GeneratedImage> generateAsync(String chain, ImageRequest request);
}
