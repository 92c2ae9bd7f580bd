package dev.genairesilience.spi;

/**
 * Told by an asynchronous provider's attempt that it submitted a job, before it starts polling, so that the job can
 * be fetched later should this run of the application end first ({@link ImageProvider#resume}). The off-peak queue
 * keeps the handle with its job; a call made for a caller who waits ({@code generate}) has {@link #NONE}.
 * Synchronous providers never call it.
 */
@FunctionalInterface
public interface SubmissionListener {

    /** A listener that keeps nothing. */
    SubmissionListener NONE = handle -> {
    };

    /**
     * The attempt submitted the job {@code handle} names; called once per submission, on the calling thread.
     * Whatever it throws is the listener's failure, not the provider's: the engine's listeners never throw.
     */
    void submitted(JobHandle handle);
}
