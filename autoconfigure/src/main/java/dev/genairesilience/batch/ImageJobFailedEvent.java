package dev.genairesilience.batch;

import dev.genairesilience.ImageJob;

/**
 * Published by the instance that ran an off-peak job when the job fails for good: a provider rejected the
 * request, or no window had capacity for it within {@code genai.batch.max-windows}. Listen with
 * {@code @EventListener}; {@link ImageJob#failureReason()} says why.
 *
 * @param job the job as it is now, {@link dev.genairesilience.JobState#FAILED FAILED}
 */
public record ImageJobFailedEvent(ImageJob job) {
}
