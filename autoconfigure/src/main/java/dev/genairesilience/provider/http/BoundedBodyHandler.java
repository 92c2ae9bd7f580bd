package dev.genairesilience.provider.http;

import dev.genairesilience.spi.MalformedResponseException;
import java.net.http.HttpResponse;
import java.util.OptionalLong;

/**
 * Reads every answer of a provider within bounds. A 2xx body is read up to {@code genai.http.max-response-size}:
 * one whose {@code Content-Length} is larger is refused unread, one that grows larger is cut there, and both
 * fail as a {@link MalformedResponseException} that says so. Any other answer is read for its first
 * {@value #ERROR_BODY_LIMIT} bytes only, which is all its classification and message need.
 */
final class BoundedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

    /** How much of a non-2xx body is read: an API's error JSON is a few hundred bytes. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final String providerId;
    private final long maxResponseBytes;

    BoundedBodyHandler(String providerId, long maxResponseBytes) {
        this.providerId = providerId;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Whether {@code status} is one whose body is the API's answer rather than an error. */
    static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        if (!isSuccess(status)) {
            return BoundedBodySubscriber.truncatingAt(Math.min(ERROR_BODY_LIMIT, maxResponseBytes));
        }
        OptionalLong declared = contentLength(info);
        if (declared.isPresent() && declared.getAsLong() > maxResponseBytes) {
            return BoundedBodySubscriber.refusing(tooLarge(status, "Content-Length " + declared.getAsLong()));
        }
        return BoundedBodySubscriber.failingOver(maxResponseBytes,
                () -> tooLarge(status, "cut after " + ByteCount.format(maxResponseBytes)));
    }

    private MalformedResponseException tooLarge(int status, String detail) {
        return new MalformedResponseException(status, "Provider '" + providerId
                + "' answered over genai.http.max-response-size (" + ByteCount.format(maxResponseBytes) + "): "
                + detail);
    }

    private static OptionalLong contentLength(HttpResponse.ResponseInfo info) {
        try {
            return info.headers().firstValueAsLong("content-length");
        } catch (NumberFormatException e) {
            // a length that is no number says nothing: the body is bounded as it is read
            return OptionalLong.empty();
        }
    }
}
