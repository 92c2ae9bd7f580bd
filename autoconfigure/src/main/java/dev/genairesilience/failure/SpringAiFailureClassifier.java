package dev.genairesilience.failure;

import dev.genairesilience.spi.FailureClassifier;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/**
 * Classifies Spring AI's {@link TransientAiException} and {@link NonTransientAiException}, so that a Spring AI
 * {@code ImageModel} in a chain gets the same decisions as the built-in providers.
 *
 * <ul>
 *   <li>One whose causes hold an HTTP client exception or an I/O failure is not answered here: that cause is
 *       classified, with the headers (and so the wait hint) it carries.</li>
 *   <li>One whose message starts with an HTTP status, as Spring AI's default error handler writes them
 *       ({@code 503 - {"error":…}}), gets the HTTP rule of {@link HttpFailureClassifier} for that status and body.
 *       That handler drops the headers, so such a failure has no wait hint.</li>
 *   <li>Otherwise a transient one is a {@link FailureKind#SERVER_ERROR}; a non-transient one is
 *       {@link FailureKind#UNKNOWN} (not retried, next step, not held against the provider), since Spring AI does
 *       not say whether the request, the key or the model was at fault.</li>
 * </ul>
 *
 * <p>Needs Spring AI: {@link BuiltInClassifiers} adds it only when Spring AI is on the classpath.
 */
final class SpringAiFailureClassifier implements FailureClassifier {

    private static final Pattern STATUS_PREFIX = Pattern.compile("^\\s*(?:HTTP\\s+)?([1-5]\\d\\d)\\b\\s*-?\\s*(.*)$",
            Pattern.DOTALL);
    private static final String SPRING_CLIENT_EXCEPTION = "org.springframework.web.client.RestClientException";

    private final HttpFailureClassifier http;

    /** @param http the HTTP rule the statuses in Spring AI's messages are classified with */
    SpringAiFailureClassifier(HttpFailureClassifier http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Failure classify(Throwable error) {
        boolean transientOne = error instanceof TransientAiException;
        if (!transientOne && !(error instanceof NonTransientAiException)) {
            return null;
        }
        if (hasAnsweredCause(error)) {
            return null;
        }
        Matcher status = error.getMessage() == null ? null : STATUS_PREFIX.matcher(error.getMessage());
        if (status != null && status.matches()) {
            return http.classify(Integer.parseInt(status.group(1)), Map.of(), status.group(2));
        }
        String name = error.getClass().getSimpleName();
        return transientOne ? Failure.of(FailureKind.SERVER_ERROR, name + " without an HTTP status")
                : Failure.of(FailureKind.UNKNOWN, name + " without an HTTP status");
    }

    /** Whether a cause says more than the message: Spring's HTTP client exception, or the I/O failure itself. */
    private static boolean hasAnsweredCause(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error.getCause(); t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof IOException || isSpringClientException(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpringClientException(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(SPRING_CLIENT_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }
}
