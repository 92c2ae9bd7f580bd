package dev.genairesilience.failure;

import dev.genairesilience.spi.FailureClassifier;
import dev.genairesilience.spi.MalformedResponseException;

/** Classifies {@link MalformedResponseException} (a 2xx answer without a usable image) as {@link FailureKind#MALFORMED}. */
public final class MalformedResponseClassifier implements FailureClassifier {

    @Override
    public Failure classify(Throwable error) {
        if (error instanceof MalformedResponseException e) {
            return new Failure(FailureKind.MALFORMED, e.status(), null, e.getMessage());
        }
        return null;
    }
}
