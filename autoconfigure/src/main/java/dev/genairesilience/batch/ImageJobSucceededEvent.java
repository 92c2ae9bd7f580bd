package dev.genairesilience.batch;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageJob;

/**
 * Published by the instance that ran an off-peak job once its image is stored and the job is
 * {@link dev.genairesilience.JobState#SUCCEEDED SUCCEEDED}. Listen with {@code @EventListener}.
 *
 * @param job   the job as it is now
 * @param image the image with its provenance (provider, model, resolution, degraded, attempts)
 */
public record ImageJobSucceededEvent(ImageJob job, GeneratedImage image) {
}
