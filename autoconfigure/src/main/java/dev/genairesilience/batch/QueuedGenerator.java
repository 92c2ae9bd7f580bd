package dev.genairesilience.batch;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import java.util.function.Consumer;

/**
 * What the off-peak queue needs of the engine beyond {@link ImageGenerator}, so that a job an asynchronous provider
 * accepted outlives the run that submitted it: each submission is told, and a job a killed run left behind can be
 * fetched. The engine's own generator implements it; an application's own {@code ImageGenerator} that does not
 * runs its queued jobs through {@link ImageGenerator#generate(String, ImageRequest)}, keeping nothing.
 */
public interface QueuedGenerator {

    /**
     * Generates as {@link ImageGenerator#generate(String, ImageRequest)} does, telling {@code submitted} of each job
     * an asynchronous provider accepts, before it is polled.
     */
    GeneratedImage generate(String chain, ImageRequest request, Consumer<ProviderJob> submitted);

    /**
     * Fetches {@code job}, which an earlier run submitted for this request, without submitting anything: polled
     * within its provider's timeout (cut to the request's deadline), by the rule an attempt polls by.
     */
    ResumedJob resume(String chain, ImageRequest request, ProviderJob job);
}
