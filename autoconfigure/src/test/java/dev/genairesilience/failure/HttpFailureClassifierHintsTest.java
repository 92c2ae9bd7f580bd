package dev.genairesilience.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFailureClassifierHintsTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final HttpFailureClassifier classifier = new HttpFailureClassifier(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, List<String>> headers(String... nameValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return headers;
    }

    private Duration waitOf(Map<String, List<String>> headers, String body) {
        return classifier.classify(429, headers, body).serverWait();
    }

    private static String retryInfo(String delay) {
        return "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\",\"message\":\"quota\",\"details\":["
                + "{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[]},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":" + delay + "}]}}";
    }

    @Test
    void retryAfterInWholeSeconds() {
        assertThat(waitOf(headers("Retry-After", "7"), "")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterInDecimalSeconds() {
        assertThat(waitOf(headers("retry-after", "1.5"), "")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredFromTheClock() {
        assertThat(waitOf(headers("Retry-After", "Sun, 01 Jun 2025 12:00:42 GMT"), "")).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterDateInThePastMeansNoWait() {
        assertThat(waitOf(headers("Retry-After", "Sun, 01 Jun 2025 11:00:00 GMT"), "")).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterMillis() {
        assertThat(waitOf(headers("retry-after-ms", "1234"), "")).isEqualTo(Duration.ofMillis(1234));
        assertThat(waitOf(headers("retry-after-ms", "12.5"), "")).isEqualTo(Duration.ofNanos(12_500_000));
    }

    @Test
    void geminiRetryDelayInWholeAndDecimalSeconds() {
        assertThat(waitOf(Map.of(), retryInfo("\"7s\""))).isEqualTo(Duration.ofSeconds(7));
        assertThat(waitOf(Map.of(), retryInfo("\"1.5s\""))).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void geminiRetryDelayInObjectForm() {
        assertThat(waitOf(Map.of(), retryInfo("{\"seconds\":3,\"nanos\":500000000}"))).isEqualTo(Duration.ofMillis(3500));
    }

    @Test
    void retryAfterMillisIsPreferredToEverythingElse() {
        Map<String, List<String>> h = headers("Retry-After", "9", "retry-after-ms", "250");

        assertThat(waitOf(h, retryInfo("\"7s\""))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void retryDelayIsPreferredToRetryAfter() {
        assertThat(waitOf(headers("Retry-After", "9"), retryInfo("\"7s\""))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterIsPreferredToEstimatedTime() {
        Failure failure = classifier.classify(503, headers("Retry-After", "5"),
                "{\"error\":\"Model a/b is currently loading\",\"estimated_time\":20.0}");

        assertThat(failure.kind()).isEqualTo(FailureKind.MODEL_LOADING);
        assertThat(failure.serverWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anUnreadablePreferredHintFallsBackToTheNextOne() {
        assertThat(waitOf(headers("retry-after-ms", "soon", "Retry-After", "3"), "")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void absurdHintsAreKeptAsTheyAre() {
        assertThat(classifier.classify(503, Map.of(), "{\"error\":\"loading\",\"estimated_time\":2315}").serverWait())
                .isEqualTo(Duration.ofSeconds(2315));
        assertThat(waitOf(headers("Retry-After", "86400000"), "")).isEqualTo(Duration.ofSeconds(86_400_000));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "soon", "-5", "+5", "1e3", "NaN", "Infinity", "5 s", "1.2.3",
            "Tue, 99 Foo 2025 99:99:99 GMT", "99999999999999999999999999999999" })
    void malformedRetryAfterGivesNoHint(String value) {
        assertThat(waitOf(headers("Retry-After", value), "")).isNull();
        assertThat(waitOf(headers("retry-after-ms", value), "")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"7\"", "\"s\"", "\"-1s\"", "\"abc\"", "7", "null", "[]", "{\"seconds\":\"x\"}",
            "{\"seconds\":-3}" })
    void malformedRetryDelayGivesNoHint(String delay) {
        assertThat(waitOf(Map.of(), retryInfo(delay))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"error\":\"loading\",\"estimated_time\":\"soon\"}",
            "{\"error\":\"loading\",\"estimated_time\":-4}", "{\"error\":\"loading\",\"estimated_time\":null}" })
    void malformedEstimatedTimeGivesNoHint(String body) {
        assertThat(classifier.classify(503, Map.of(), body).serverWait()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{", "}", "[", "null", "42", "\"text\"", "[1,2]", "{\"error\":42}", "{\"error\":null}",
            "{\"error\":{\"details\":\"nope\"}}", "{\"error\":{\"details\":[1,\"x\",null]}}", "\u0000\u0001",
            "{\"error\":{\"message\":{\"nested\":true}}}", "<!DOCTYPE html><html></html>" })
    void garbageBodiesNeverThrow(String body) {
        assertThatCode(() -> classifier.classify(500, Map.of(), body)).doesNotThrowAnyException();
        assertThat(classifier.classify(500, Map.of(), body).kind()).isEqualTo(FailureKind.SERVER_ERROR);
    }

    @Test
    void nullHeadersAndBodyAndOddHeaderValuesNeverThrow() {
        Map<String, List<String>> odd = new LinkedHashMap<>();
        odd.put("Retry-After", List.of());
        odd.put(null, List.of("HTTP/1.1 503"));

        assertThat(classifier.classify(503, null, null).kind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(classifier.classify(503, odd, "").serverWait()).isNull();
    }
}
