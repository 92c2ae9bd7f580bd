package dev.genairesilience.internal.observation;

/**
 * The error an observation of the engine carries: what went wrong in the engine's own words (an outcome, a failure
 * kind, an HTTP status, an exception's class), never an exception's message, which may quote the prompt or a
 * provider's answer. Tracing shows it as the span's error.
 */
public final class ObservedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param description what went wrong, such as {@code OVERLOADED (HTTP 503)} */
    ObservedFailure(String description) {
        super(description, null, false, false);
    }

    /** Names only the class of {@code error}, such as {@code InterruptedException}. */
    static ObservedFailure of(Throwable error) {
        return new ObservedFailure(error.getClass().getSimpleName());
    }
}
