package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;

/**
 * A call of a step failed, already classified: carries the {@link Failure} from the attempt to the retry
 * policy and the executor so that nobody classifies the same error twice. Never leaves the executor.
 */
final class AttemptFailedException extends RuntimeException {

    private final transient Failure failure;

    AttemptFailedException(Failure failure, Throwable cause) {
        super(failure.kind().name(), cause, false, false);
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }
}
