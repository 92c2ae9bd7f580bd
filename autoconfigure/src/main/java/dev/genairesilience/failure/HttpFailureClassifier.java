package dev.genairesilience.failure;

import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.FailureClassifier;
import dev.genairesilience.spi.ProviderHttpException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies a provider's non-2xx answer from its status, headers and body, following the table in the
 * design: 503 overloaded (or Hugging Face's "currently loading"), 529, 429, 400/422, 401/403, 404, 408 and
 * the other 5xx. Google's canonical status name in the body, when there is one, is more precise than the
 * HTTP status and wins; two of Google's 400s are about the account, not the request, and so are
 * {@link FailureKind#AUTHENTICATION}: an {@code ErrorInfo} reason {@code API_KEY_*} (a wrong key is a 400
 * {@code INVALID_ARGUMENT} there) and {@code FAILED_PRECONDITION} (billing or region not enabled). A 4xx whose
 * body names a moderation code (OpenAI's {@code moderation_blocked} or {@code content_policy_violation}, see
 * {@link ProviderErrorBody}) is {@link FailureKind#CONTENT_BLOCKED}, described by that code.
 *
 * <p>The server's wait hint is read from {@code retry-after-ms} (or Azure's {@code x-ms-retry-after-ms}), then Gemini's {@code RetryInfo.retryDelay},
 * then {@code Retry-After} (seconds or HTTP date), then Hugging Face's {@code estimated_time}, taking the
 * first one present and readable. Unreadable headers or bodies give no hint; they never throw.
 *
 * <p>{@link #classify(int, Map, String)} is the rule itself, reused for other HTTP clients' exceptions.
 */
final class HttpFailureClassifier implements FailureClassifier {

    private final Clock clock;

    /** @param clock the clock an HTTP-date {@code Retry-After} is measured against */
    public HttpFailureClassifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Failure classify(Throwable error) {
        if (error instanceof ProviderHttpException e) {
            return classify(e.status(), e.headers(), e.body());
        }
        return null;
    }

    /**
     * Classifies one HTTP answer.
     *
     * @param status  the HTTP status
     * @param headers the response headers (names matched case-insensitively), or {@code null}
     * @param body    the response body as text, or {@code null}
     * @return the failure, never {@code null}
     */
    public Failure classify(int status, Map<String, List<String>> headers, String body) {
        ProviderErrorBody error = ProviderErrorBody.parse(body);
        if (isClientError(status) && error.policyBlock() != null) {
            return new Failure(FailureKind.CONTENT_BLOCKED, status, null,
                    ContentBlockedException.describe(error.policyBlock()));
        }
        FailureKind kind = kindOf(status, error);
        return new Failure(kind, status, serverWait(headers, error), error.message());
    }

    /** The moderation codes come with a 400; a gateway may pick another 4xx, but a refusal is never a 5xx. */
    private static boolean isClientError(int status) {
        return status >= 400 && status <= 499;
    }

    private static FailureKind kindOf(int status, ProviderErrorBody error) {
        if (status == 503 && error.loading()) {
            return FailureKind.MODEL_LOADING;
        }
        if (error.reason() != null && error.reason().startsWith("API_KEY_")) {
            return FailureKind.AUTHENTICATION;
        }
        FailureKind byName = kindOfStatusName(error.status());
        return byName != null ? byName : kindOfStatus(status);
    }

    private static FailureKind kindOfStatusName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "UNAVAILABLE" -> FailureKind.OVERLOADED;
            case "RESOURCE_EXHAUSTED" -> FailureKind.RATE_LIMITED;
            case "INVALID_ARGUMENT", "OUT_OF_RANGE" -> FailureKind.BAD_REQUEST;
            case "UNAUTHENTICATED", "PERMISSION_DENIED", "FAILED_PRECONDITION" -> FailureKind.AUTHENTICATION;
            case "NOT_FOUND" -> FailureKind.MODEL_NOT_FOUND;
            case "DEADLINE_EXCEEDED" -> FailureKind.TIMEOUT;
            case "INTERNAL" -> FailureKind.SERVER_ERROR;
            default -> null;
        };
    }

    private static FailureKind kindOfStatus(int status) {
        return switch (status) {
            case 503, 529 -> FailureKind.OVERLOADED;
            case 429 -> FailureKind.RATE_LIMITED;
            case 400, 422 -> FailureKind.BAD_REQUEST;
            // 402: the account is out of credits (Black Forest Labs, Hugging Face): the provider cannot serve
            case 401, 402, 403 -> FailureKind.AUTHENTICATION;
            case 404 -> FailureKind.MODEL_NOT_FOUND;
            case 408 -> FailureKind.TIMEOUT;
            default -> status >= 500 && status <= 599 ? FailureKind.SERVER_ERROR
                    : status >= 400 && status <= 499 ? FailureKind.BAD_REQUEST
                    // a 1xx-3xx answer reaching here is none an image API documents
                    : FailureKind.UNKNOWN;
        };
    }

    private Duration serverWait(Map<String, List<String>> headers, ProviderErrorBody error) {
        Duration millis = ServerWaitHints.millis(header(headers, "retry-after-ms"));
        if (millis == null) {
            // Azure OpenAI's own name for it
            millis = ServerWaitHints.millis(header(headers, "x-ms-retry-after-ms"));
        }
        if (millis != null) {
            return millis;
        }
        if (error.retryDelay() != null) {
            return error.retryDelay();
        }
        Duration retryAfter = ServerWaitHints.retryAfter(header(headers, "Retry-After"), clock);
        return retryAfter != null ? retryAfter : error.estimatedTime();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (name.equalsIgnoreCase(h.getKey()) && h.getValue() != null && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }
}
