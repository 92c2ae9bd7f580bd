package dev.genairesilience;

import java.util.Optional;

/**
 * Where {@link ImageGenerator#submit(String, ImageRequest)} puts accepted work. The batch auto-configuration
 * provides one on the application's {@code DataSource} (db-scheduler); an application may declare its own bean.
 */
public interface ImageJobQueue {

    /**
     * Persists a job for the off-peak window. The engine has already resolved the chain and checked the request,
     * so every job that enters the queue can be generated as far as the request is concerned.
     *
     * @param chain   the name of an existing chain
     * @param request the request as the caller gave it; the chain's defaults fill its gaps when the job runs
     * @return the queued job with its estimated completion
     */
    ImageJob enqueue(String chain, ImageRequest request);

    /** The job with this id, if there is one. */
    Optional<ImageJob> find(String id);
}
