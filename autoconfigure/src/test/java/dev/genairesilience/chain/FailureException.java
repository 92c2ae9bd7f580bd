package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import java.util.List;

/** An exception that carries its own classification, recognised by {@link #classification()}. */
final class FailureException extends Exception {

    private final transient Failure failure;

    FailureException(Failure failure) {
        super(failure.kind().name());
        this.failure = failure;
    }

    /** A classification that knows only {@link FailureException}s. */
    static FailureClassification classification() {
        return new FailureClassification(List.of(e -> e instanceof FailureException f ? f.failure : null));
    }
}
