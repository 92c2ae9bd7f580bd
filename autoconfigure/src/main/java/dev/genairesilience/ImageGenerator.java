package dev.genairesilience;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Generates images through configured provider chains, with retries, circuit breakers, fallback and
 * resolution degradation. This is the programmatic face of the engine; the
 * {@link ImageGeneration @ImageGeneration} annotation calls it for you.
 *
 * <p>Work nobody waits on can be {@link #submit(String, ImageRequest) submitted} instead: it is accepted at once
 * and generated later, in the configured off-peak window ({@code genai.batch.*}). Work that may wait only while
 * the providers are at their busiest goes through {@link #generateOrDefer(String, ImageRequest)}.
 *
 * <p>{@code generate} and {@code generateAsync} always generate now, even for a {@link ImageRequest#deferrable()
 * deferrable} request in a peak window: their caller waits for the image. The chain's peak settings for resolution
 * and providers ({@code genai.chains.<name>.peak.*}) apply to them all the same.
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

    /** {@link #generateOrDefer(String, ImageRequest)} through the default chain. */
    default ImageOrJob generateOrDefer(ImageRequest request) {
        return ImageOrJob.image(generate(request));
    }

    /**
     * Generates now, or queues the request for the off-peak window when it is {@link ImageRequest#deferrable()
     * deferrable}, a peak window ({@code genai.peak.windows}) is on and the chain defers then
     * ({@code genai.chains.<name>.peak.defer: true}). Without an off-peak queue it generates now. A deferred request
     * is checked first, as {@link #submit(String, ImageRequest)} checks it.
     *
     * <p>This default generates now; the engine's own generator defers as described.
     *
     * @throws GenerationUnavailableException when it generates now and no provider of the chain could deliver in
     *                                        time
     * @throws GenerationRejectedException    when the request is invalid or the chain does not exist; nothing is
     *                                        queued
     */
    default ImageOrJob generateOrDefer(String chain, ImageRequest request) {
        return ImageOrJob.image(generate(chain, request));
    }

    /**
     * {@link #submit(String, ImageRequest)} through the default chain.
     *
     * @throws GenerationRejectedException when the request is invalid; nothing is queued
     * @throws IllegalStateException       when the application has no off-peak queue
     */
    ImageJob submit(ImageRequest request);

    /**
     * Accepts the request now and generates it in the off-peak window ({@code genai.batch.window}). The request
     * is checked first, by the same rules as {@link #generate(String, ImageRequest)}; only a valid request is
     * queued. Listen for {@code ImageJobSucceededEvent} / {@code ImageJobFailedEvent}, or ask {@link #job(String)}.
     *
     * @return the queued job, with its id and estimated completion
     * @throws GenerationRejectedException naming the field when the request is invalid or the chain does not
     *                                     exist; nothing is queued
     * @throws IllegalStateException       when the application has no off-peak queue (no {@code DataSource}, or
     *                                     db-scheduler is not on the class path)
     */
    ImageJob submit(String chain, ImageRequest request);

    /**
     * The submitted job with this id, as it is now.
     *
     * @throws IllegalStateException when the application has no off-peak queue
     */
    Optional<ImageJob> job(String id);
}
