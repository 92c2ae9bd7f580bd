package dev.genairesilience.provider.http;

import dev.genairesilience.spi.JobHandle;
import java.io.IOException;
import java.time.Duration;

/** A job an asynchronous provider accepted: polled until it is finished, cancelled if the attempt's time ends. */
public interface SubmittedJob {

    /** The provider's id of the job. */
    String id();

    /** What the provider needs to poll this job again from another run ({@code ImageProvider.resume}). */
    JobHandle handle();

    /**
     * Asks how the job stands, within {@code timeout}.
     *
     * @throws IOException when the poll itself got no answer; {@link JobPoller} polls again
     * @throws dev.genairesilience.spi.ProviderHttpException when the poll was answered with an error status; polled
     *                                                       again when it is transient (429, 5xx), else the attempt
     *                                                       fails with it
     */
    JobState poll(Duration timeout) throws IOException, InterruptedException;

    /**
     * Asks the API to cancel the job, within {@code timeout}.
     *
     * @return whether it was cancelled; {@code false} when the API has no way to cancel
     */
    boolean cancel(Duration timeout) throws IOException, InterruptedException;
}
