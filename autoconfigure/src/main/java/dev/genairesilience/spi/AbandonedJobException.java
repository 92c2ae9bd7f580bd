package dev.genairesilience.spi;

import java.util.concurrent.TimeoutException;

/**
 * An asynchronous provider's attempt ran out of time with its job submitted and not finished: the job was cancelled
 * where the API can cancel, and abandoned either way (its result, should it come, is never fetched). Classified as a
 * timeout; the attempt's provenance names the job ({@code Attempt.abandonedJob()}).
 */
public class AbandonedJobException extends TimeoutException {

    private final String jobId;
    private final boolean cancelled;

    /**
     * @param provider  the provider id
     * @param jobId     the provider's id of the job
     * @param cancelled whether the API was asked to cancel it and said it did
     */
    public AbandonedJobException(String provider, String jobId, boolean cancelled) {
        super("Provider '" + provider + "': job " + jobId + " submitted and abandoned at the end of the attempt's "
                + "time (" + (cancelled ? "cancelled" : "the API cannot cancel it") + ")");
        this.jobId = jobId;
        this.cancelled = cancelled;
    }

    /** The provider's id of the abandoned job. */
    public String jobId() {
        return jobId;
    }

    /** Whether the API cancelled it. */
    public boolean cancelled() {
        return cancelled;
    }
}
