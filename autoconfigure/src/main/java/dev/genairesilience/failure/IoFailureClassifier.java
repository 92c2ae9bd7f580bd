package dev.genairesilience.failure;

import dev.genairesilience.spi.FailureClassifier;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies the JDK's I/O failures of a call that got no HTTP answer.
 *
 * <ul>
 *   <li>{@link FailureKind#TIMEOUT}: {@link HttpTimeoutException} (and its
 *       {@code HttpConnectTimeoutException}), {@link SocketTimeoutException}, {@link TimeoutException};</li>
 *   <li>{@link FailureKind#CONNECTION}: every other {@link IOException}, among them {@code ConnectException}
 *       (refused), {@code SocketException} (reset), {@code EOFException} and the HTTP client's "connection
 *       closed" or "header parser received no bytes" (dropped), and {@code UnknownHostException}.</li>
 * </ul>
 *
 * Wrappers such as {@code UncheckedIOException} or {@code ExecutionException} are not answered here, so
 * their cause is classified.
 */
final class IoFailureClassifier implements FailureClassifier {

    @Override
    public Failure classify(Throwable error) {
        if (error instanceof HttpTimeoutException || error instanceof SocketTimeoutException
                || error instanceof TimeoutException) {
            return Failure.of(FailureKind.TIMEOUT, describe(error));
        }
        if (error instanceof IOException) {
            return Failure.of(FailureKind.CONNECTION, describe(error));
        }
        return null;
    }

    private static String describe(Throwable error) {
        String name = error.getClass().getSimpleName();
        return error.getMessage() == null ? name : name + ": " + error.getMessage();
    }
}
