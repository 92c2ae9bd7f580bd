package dev.genairesilience.failure;

import java.time.Duration;
import java.util.Objects;

/**
 * A classified failure: every decision the engine makes about a failed call reads this value, and
 * nothing else.
 *
 * @param kind       what went wrong
 * @param httpStatus the HTTP status, or {@code 0} when there was no HTTP answer
 * @param serverWait how long the server asked us to wait ({@code Retry-After}, {@code retry-after-ms},
 *                   Gemini {@code retryDelay}, Hugging Face {@code estimated_time}), or {@code null}
 * @param message    the provider's own short message (never a key, never the prompt), or {@code null}
 */
public record Failure(FailureKind kind, int httpStatus, Duration serverWait, String message) {

    private static final int MAX_MESSAGE = 300;

    public Failure {
        Objects.requireNonNull(kind, "kind");
        if (serverWait != null && serverWait.isNegative()) {
            serverWait = Duration.ZERO;
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
    }

    /** A failure without HTTP status, hint or message. */
    public static Failure of(FailureKind kind) {
        return new Failure(kind, 0, null, null);
    }

    /** A failure with a message and nothing else. */
    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, 0, null, message);
    }
}
