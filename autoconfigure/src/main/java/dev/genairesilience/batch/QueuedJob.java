package dev.genairesilience.batch;

import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;

/** A job row: the job as callers see it, and the request it generates (which holds the prompt). */
record QueuedJob(ImageJob job, ImageRequest request) {
}
