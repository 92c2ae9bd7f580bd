/**
 * The off-peak batch queue: {@code ImageGenerator.submit} accepts a request at once, and the generation runs in
 * the configured window ({@code genai.batch.*}), paced by a concurrency and a rate limit, on a db-scheduler queue
 * in the application's database that several instances share. Results go to an {@link
 * dev.genairesilience.batch.ImageStore}; {@link dev.genairesilience.batch.ImageJobSucceededEvent} and {@link
 * dev.genairesilience.batch.ImageJobFailedEvent} tell the application when a job is done.
 */
package dev.genairesilience.batch;
