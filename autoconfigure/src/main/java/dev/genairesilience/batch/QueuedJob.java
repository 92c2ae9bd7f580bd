package dev.genairesilience.batch;

import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;

/**
 * A job row: the job as callers see it, the request it generates (which holds the prompt), and the provider job an
 * earlier run submitted for it and did not see finish, or {@code null}.
 */
record QueuedJob(ImageJob job, ImageRequest request, ProviderJob providerJob) {
}
