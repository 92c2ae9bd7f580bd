package dev.genairesilience.failure;

import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.FailureClassifier;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.UnsupportedRequestException;

/**
 * Classifies the exceptions the {@code spi} gives providers for what an HTTP status cannot say: a 2xx answer
 * without a usable image ({@link MalformedResponseException}, {@link FailureKind#MALFORMED}), a content-policy
 * block ({@link ContentBlockedException}, {@link FailureKind#CONTENT_BLOCKED}) and a request the provider
 * cannot express ({@link UnsupportedRequestException}, {@link FailureKind#BAD_REQUEST}, no call made).
 */
final class ProviderExceptionClassifier implements FailureClassifier {

    @Override
    public Failure classify(Throwable error) {
        if (error instanceof MalformedResponseException e) {
            return new Failure(FailureKind.MALFORMED, e.status(), null, e.getMessage());
        }
        if (error instanceof ContentBlockedException e) {
            return new Failure(FailureKind.CONTENT_BLOCKED, e.status(), null, e.getMessage());
        }
        if (error instanceof UnsupportedRequestException e) {
            return new Failure(FailureKind.BAD_REQUEST, 0, null, e.getMessage());
        }
        return null;
    }
}
