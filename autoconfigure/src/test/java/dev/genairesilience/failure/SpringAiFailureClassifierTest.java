package dev.genairesilience.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class SpringAiFailureClassifierTest {

    private static final String OVERLOADED_BODY = "{\"error\":{\"message\":\"The engine is currently overloaded, "
            + "please try again later.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final SpringAiFailureClassifier classifier =
            new SpringAiFailureClassifier(new HttpFailureClassifier(clock));
    private final FailureClassification all = new FailureClassification(BuiltInClassifiers.all(clock));

    @Test
    void aTransientOneWithTheStatusOfSpringAisErrorHandlerIsClassifiedByThatStatusAndBody() {
        Failure failure = classifier.classify(new TransientAiException("503 - " + OVERLOADED_BODY));

        assertThat(failure).extracting(Failure::kind, Failure::httpStatus, Failure::message)
                .containsExactly(FailureKind.OVERLOADED, 503, "The engine is currently overloaded, please try again "
                        + "later.");
    }

    @Test
    void aNonTransient429IsRateLimitedAndSoRetriedByTheChainUnlikeSpringAiWould() {
        Failure failure = classifier.classify(new NonTransientAiException("429 - {\"error\":{\"message\":\"Rate limit "
                + "reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.kind().retryable()).isTrue();
        assertThat(failure.httpStatus()).isEqualTo(429);
    }

    @Test
    void aModerationRefusalInsideANonTransientOneIsContentBlocked() {
        Failure failure = classifier.classify(new NonTransientAiException("400 - {\"error\":{\"message\":\"Your "
                + "request was rejected by the safety system.\",\"type\":\"image_generation_user_error\","
                + "\"param\":null,\"code\":\"moderation_blocked\"}}"));

        assertThat(failure.kind()).isEqualTo(FailureKind.CONTENT_BLOCKED);
    }

    @Test
    void refusedKeysAndUnknownModelsInsideNonTransientOnesMisconfigureTheProvider() {
        assertThat(classifier.classify(new NonTransientAiException("401 - {\"error\":{\"code\":\"invalid_api_key\"}}"))
                .kind()).isEqualTo(FailureKind.AUTHENTICATION);
        assertThat(classifier.classify(new NonTransientAiException("404 - {\"error\":{\"code\":\"model_not_found\"}}"))
                .kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
    }

    @Test
    void withoutAStatusATransientOneIsAServerErrorAndANonTransientOneIsUnknown() {
        assertThat(classifier.classify(new TransientAiException("the model is busy")).kind())
                .isEqualTo(FailureKind.SERVER_ERROR);
        Failure nonTransient = classifier.classify(new NonTransientAiException("cannot do that"));
        assertThat(nonTransient.kind()).isEqualTo(FailureKind.UNKNOWN);
        assertThat(nonTransient.message()).doesNotContain("cannot do that");
    }

    @Test
    void anHttpClientExceptionInsideIsClassifiedItselfWithTheWaitHintOfItsHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("retry-after-ms", "1500");
        HttpServerErrorException http = HttpServerErrorException.create(HttpStatusCode.valueOf(503), "",
                headers, OVERLOADED_BODY.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

        Failure failure = all.classify(new TransientAiException("503 - " + OVERLOADED_BODY, http));

        assertThat(classifier.classify(new TransientAiException("503", http))).isNull();
        assertThat(failure).extracting(Failure::kind, Failure::serverWait)
                .containsExactly(FailureKind.OVERLOADED, Duration.ofMillis(1500));
    }

    @Test
    void anIoFailureInsideIsClassifiedAsTheIoFailure() {
        TransientAiException error = new TransientAiException("I/O error",
                new ResourceAccessException("I/O error", new ConnectException("Connection refused")));

        assertThat(all.classify(error).kind()).isEqualTo(FailureKind.CONNECTION);
    }

    @Test
    void otherExceptionsAreLeftToTheOtherClassifiers() {
        assertThat(classifier.classify(new IllegalStateException("503 - overloaded"))).isNull();
    }
}
