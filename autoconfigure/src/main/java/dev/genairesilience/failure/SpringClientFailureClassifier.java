package dev.genairesilience.failure;

import dev.genairesilience.spi.FailureClassifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.UnknownContentTypeException;

/**
 * Classifies the exceptions of Spring's {@code RestClient}, {@code RestTemplate} and the clients built on
 * them (Spring AI among others), so code that calls a model through them gets the same decisions as the
 * built-in providers.
 *
 * <ul>
 *   <li>{@link RestClientResponseException} (any status): the HTTP rule of {@link HttpFailureClassifier};</li>
 *   <li>{@link UnknownContentTypeException}: a 2xx answer in a content type nobody can read, so
 *       {@link FailureKind#MALFORMED};</li>
 *   <li>{@link ResourceAccessException}: not answered here, so its I/O cause is classified; without a cause
 *       it is a {@link FailureKind#CONNECTION} failure.</li>
 * </ul>
 *
 * <p>Needs spring-web: {@link BuiltInClassifiers} adds it only when spring-web is on the classpath.
 */
final class SpringClientFailureClassifier implements FailureClassifier {

    private final HttpFailureClassifier http;

    /** @param http the HTTP rule the answers are classified with */
    public SpringClientFailureClassifier(HttpFailureClassifier http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Failure classify(Throwable error) {
        if (error instanceof RestClientResponseException e) {
            return http.classify(e.getStatusCode().value(), headers(e.getResponseHeaders()),
                    e.getResponseBodyAsString());
        }
        if (error instanceof UnknownContentTypeException e) {
            return new Failure(FailureKind.MALFORMED, e.getStatusCode().value(), null,
                    "answer in unreadable content type " + e.getContentType());
        }
        if (error instanceof ResourceAccessException e && e.getCause() == null) {
            return Failure.of(FailureKind.CONNECTION, e.getMessage());
        }
        return null;
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach(copy::put);
        }
        return copy;
    }
}
