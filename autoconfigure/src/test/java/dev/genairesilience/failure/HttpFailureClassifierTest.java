package dev.genairesilience.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.spi.ProviderHttpException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpFailureClassifierTest {

    private final HttpFailureClassifier classifier =
            new HttpFailureClassifier(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));

    private Failure classify(int status, String body) {
        return classifier.classify(status, Map.of(), body);
    }

    @Test
    void geminiOverloadedIsOverloadedWithItsMessage() {
        Failure failure = classify(503, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try"
                + " again later.\",\"status\":\"UNAVAILABLE\"}}");

        assertThat(failure.kind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(failure.httpStatus()).isEqualTo(503);
        assertThat(failure.message()).isEqualTo("The model is overloaded. Please try again later.");
        assertThat(failure.serverWait()).isNull();
    }

    @Test
    void huggingFaceLoadingIsModelLoadingWaitingTheEstimatedTime() {
        Failure failure = classify(503,
                "{\"error\":\"Model stabilityai/stable-diffusion-xl-base-1.0 is currently loading\",\"estimated_time\":20.0}");

        assertThat(failure.kind()).isEqualTo(FailureKind.MODEL_LOADING);
        assertThat(failure.serverWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(failure.message()).isEqualTo("Model stabilityai/stable-diffusion-xl-base-1.0 is currently loading");
    }

    @Test
    void estimatedTimeAloneMeansLoading() {
        assertThat(classify(503, "{\"error\":\"busy\",\"estimated_time\":3.25}"))
                .extracting(Failure::kind, Failure::serverWait)
                .containsExactly(FailureKind.MODEL_LOADING, Duration.ofMillis(3250));
    }

    @Test
    void currentlyLoadingMessageAloneMeansLoadingWithoutHint() {
        assertThat(classify(503, "{\"error\":\"Model x/y is Currently Loading\"}"))
                .extracting(Failure::kind, Failure::serverWait)
                .containsExactly(FailureKind.MODEL_LOADING, null);
    }

    @Test
    void anthropicStyle529IsOverloaded() {
        Failure failure = classify(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");

        assertThat(failure.kind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(failure.message()).isEqualTo("Overloaded");
    }

    @Test
    void any503WithoutLoadingIsOverloaded() {
        assertThat(classify(503, "<html>Service Unavailable</html>").kind()).isEqualTo(FailureKind.OVERLOADED);
    }

    @Test
    void geminiResourceExhaustedIsRateLimited() {
        assertThat(classify(429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\","
                + "\"status\":\"RESOURCE_EXHAUSTED\"}}").kind()).isEqualTo(FailureKind.RATE_LIMITED);
    }

    @ParameterizedTest
    @CsvSource({ "rate_limit_exceeded", "insufficient_quota" })
    void openAi429IsRateLimited(String code) {
        Failure failure = classify(429, "{\"error\":{\"message\":\"Rate limit reached for images\",\"type\":\"requests\","
                + "\"param\":null,\"code\":\"" + code + "\"}}");

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.message()).isEqualTo("Rate limit reached for images");
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
        "400, BAD_REQUEST", "422, BAD_REQUEST", "401, AUTHENTICATION", "403, AUTHENTICATION",
        "404, MODEL_NOT_FOUND", "408, TIMEOUT", "429, RATE_LIMITED", "500, SERVER_ERROR", "502, SERVER_ERROR",
        "504, SERVER_ERROR", "501, SERVER_ERROR", "599, SERVER_ERROR", "503, OVERLOADED", "529, OVERLOADED",
        "409, BAD_REQUEST", "413, BAD_REQUEST", "418, BAD_REQUEST", "302, UNKNOWN" })
    void statusAloneDecidesTheKindWhenTheBodySaysNothing(int status, FailureKind kind) {
        Failure failure = classify(status, "");

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.message()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0} {1} is {2}")
    @CsvSource({
        "400, INVALID_ARGUMENT, BAD_REQUEST", "400, OUT_OF_RANGE, BAD_REQUEST",
        "400, FAILED_PRECONDITION, AUTHENTICATION", "401, UNAUTHENTICATED, AUTHENTICATION",
        "403, PERMISSION_DENIED, AUTHENTICATION", "404, NOT_FOUND, MODEL_NOT_FOUND",
        "504, DEADLINE_EXCEEDED, TIMEOUT", "500, INTERNAL, SERVER_ERROR", "500, DEADLINE_EXCEEDED, TIMEOUT",
        "503, UNAVAILABLE, OVERLOADED", "429, RESOURCE_EXHAUSTED, RATE_LIMITED", "500, SOMETHING_NEW, SERVER_ERROR" })
    void googleStatusNameDecidesTheKindWhenPresent(int status, String name, FailureKind kind) {
        Failure failure = classify(status, "{\"error\":{\"code\":" + status + ",\"message\":\"m\",\"status\":\"" + name
                + "\"}}");

        assertThat(failure.kind()).isEqualTo(kind);
    }

    @Test
    void geminiInvalidApiKeyIsAuthenticationThoughItComesAs400InvalidArgument() {
        Failure failure = classify(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid"
                + " API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":"
                + "\"googleapis.com\"}]}}");

        assertThat(failure.kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(failure.message()).isEqualTo("API key not valid. Please pass a valid API key.");
    }

    @Test
    void googleErrorWrappedInAnArrayIsRead() {
        Failure failure = classify(503, "[{\"error\":{\"code\":503,\"message\":\"overloaded\",\"status\":\"UNAVAILABLE\"}}]");

        assertThat(failure.kind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(failure.message()).isEqualTo("overloaded");
    }

    @Test
    void huggingFaceListOfMessagesGivesTheFirst() {
        assertThat(classify(400, "{\"error\":[\"Input should be a valid string\",\"second\"]}").message())
                .isEqualTo("Input should be a valid string");
    }

    @Test
    void messageNeverHoldsTheWholeBody() {
        String body = "{\"error\":{\"message\":\"short\",\"type\":\"x\"},\"echo\":\"" + "p".repeat(5000) + "\"}";

        assertThat(classify(400, body).message()).isEqualTo("short");
        assertThat(classify(500, "<html>" + "x".repeat(5000) + "</html>").message()).isNull();
    }

    @Test
    void classifiesProviderHttpExceptionsAndNothingElse() {
        ProviderHttpException e = new ProviderHttpException("p", 404, Map.of("Content-Type", List.of("application/json")),
                "{\"error\":{\"message\":\"model not found\"}}");

        assertThat(classifier.classify(e))
                .extracting(Failure::kind, Failure::httpStatus, Failure::message)
                .containsExactly(FailureKind.MODEL_NOT_FOUND, 404, "model not found");
        assertThat(classifier.classify(new IllegalStateException("x"))).isNull();
    }
}
