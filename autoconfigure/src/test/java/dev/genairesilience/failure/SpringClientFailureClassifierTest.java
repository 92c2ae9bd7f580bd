package dev.genairesilience.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.UnknownContentTypeException;

class SpringClientFailureClassifierTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final SpringClientFailureClassifier classifier =
            new SpringClientFailureClassifier(new HttpFailureClassifier(clock));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void serverErrorExceptionIsClassifiedByTheHttpRuleWithItsBody() {
        HttpServerErrorException e = HttpServerErrorException.create(HttpStatusCode.valueOf(503), "Service Unavailable",
                new HttpHeaders(), utf8("{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\","
                        + "\"status\":\"UNAVAILABLE\"}}"), StandardCharsets.UTF_8);

        assertThat(classifier.classify(e))
                .extracting(Failure::kind, Failure::httpStatus, Failure::message)
                .containsExactly(FailureKind.OVERLOADED, 503, "The model is overloaded.");
    }

    @Test
    void clientErrorExceptionCarriesTheServerWaitFromItsHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("retry-after-ms", "1500");
        HttpClientErrorException e = HttpClientErrorException.create(HttpStatusCode.valueOf(429), "Too Many Requests",
                headers, utf8("{\"error\":{\"message\":\"Rate limit\",\"code\":\"rate_limit_exceeded\"}}"),
                StandardCharsets.UTF_8);

        assertThat(classifier.classify(e))
                .extracting(Failure::kind, Failure::serverWait)
                .containsExactly(FailureKind.RATE_LIMITED, Duration.ofMillis(1500));
    }

    @Test
    void moderationRefusalThroughSpringIsContentBlocked() {
        HttpClientErrorException e = HttpClientErrorException.create(HttpStatusCode.valueOf(400), "Bad Request",
                new HttpHeaders(), utf8("{\"error\":{\"message\":\"Your request was rejected by the safety "
                        + "system.\",\"type\":\"image_generation_user_error\",\"param\":null,"
                        + "\"code\":\"moderation_blocked\"}}"),
                StandardCharsets.UTF_8);

        assertThat(classifier.classify(e))
                .extracting(Failure::kind, Failure::httpStatus)
                .containsExactly(FailureKind.CONTENT_BLOCKED, 400);
    }

    @Test
    void loadingAnswerThroughSpringIsModelLoading() {
        HttpServerErrorException e = HttpServerErrorException.create(HttpStatusCode.valueOf(503), "", new HttpHeaders(),
                utf8("{\"error\":\"Model a/b is currently loading\",\"estimated_time\":12.5}"), StandardCharsets.UTF_8);

        assertThat(classifier.classify(e))
                .extracting(Failure::kind, Failure::serverWait)
                .containsExactly(FailureKind.MODEL_LOADING, Duration.ofMillis(12_500));
    }

    @Test
    void unusualStatusWithoutHeadersIsClassified() {
        RestClientResponseException e = new RestClientResponseException("x", 529, "", null, null, null);

        assertThat(classifier.classify(e).kind()).isEqualTo(FailureKind.OVERLOADED);
    }

    @Test
    void unreadableContentTypeOnSuccessIsMalformed() {
        UnknownContentTypeException e = new UnknownContentTypeException(byte[].class, MediaType.TEXT_HTML,
                HttpStatusCode.valueOf(200), "OK", new HttpHeaders(), utf8("<html/>"));

        assertThat(classifier.classify(e))
                .extracting(Failure::kind, Failure::httpStatus)
                .containsExactly(FailureKind.MALFORMED, 200);
    }

    @Test
    void resourceAccessExceptionLeavesItsCauseToBeClassified() {
        ResourceAccessException e = new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out"));

        assertThat(classifier.classify(e)).isNull();
        assertThat(new FailureClassification(BuiltInClassifiers.all(clock)).classify(e).kind())
                .isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void resourceAccessExceptionWithoutCauseIsConnection() {
        assertThat(classifier.classify(new ResourceAccessException("I/O error")).kind()).isEqualTo(FailureKind.CONNECTION);
    }

    @Test
    void otherExceptionsAreNotRecognised() {
        assertThat(classifier.classify(new IllegalStateException())).isNull();
    }
}
