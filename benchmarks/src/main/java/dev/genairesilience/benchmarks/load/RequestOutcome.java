package dev.genairesilience.benchmarks.load;

/** How one request of a run ended. */
public enum RequestOutcome {
    /** An image was delivered. */
    SUCCESS,
    /** The strategy gave up and the caller got an error. */
    FAILED,
    /** Still running (or still queued) when the run's drain time ran out. */
    UNFINISHED
}
