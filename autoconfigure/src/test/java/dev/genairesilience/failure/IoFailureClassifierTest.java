package dev.genairesilience.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IoFailureClassifierTest {

    private final IoFailureClassifier classifier = new IoFailureClassifier();

    static Stream<Arguments> ioFailures() {
        return Stream.of(
                Arguments.of(new HttpTimeoutException("request timed out"), FailureKind.TIMEOUT),
                Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"), FailureKind.TIMEOUT),
                Arguments.of(new SocketTimeoutException("Read timed out"), FailureKind.TIMEOUT),
                Arguments.of(new TimeoutException(), FailureKind.TIMEOUT),
                Arguments.of(new ConnectException("Connection refused"), FailureKind.CONNECTION),
                Arguments.of(new SocketException("Connection reset"), FailureKind.CONNECTION),
                Arguments.of(new EOFException("EOF reached while reading"), FailureKind.CONNECTION),
                Arguments.of(new IOException("HTTP/1.1 header parser received no bytes"), FailureKind.CONNECTION),
                Arguments.of(new IOException("closed"), FailureKind.CONNECTION),
                Arguments.of(new UnknownHostException("api.example"), FailureKind.CONNECTION),
                Arguments.of(new IOException(), FailureKind.CONNECTION));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("ioFailures")
    void classifiesEachIoFailure(Throwable error, FailureKind kind) {
        Failure failure = classifier.classify(error);

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.httpStatus()).isZero();
        assertThat(failure.serverWait()).isNull();
        assertThat(failure.message()).startsWith(error.getClass().getSimpleName());
    }

    @Test
    void wrappersAreLeftForTheirCauseToBeClassified() {
        assertThat(classifier.classify(new UncheckedIOException(new ConnectException()))).isNull();
        assertThat(classifier.classify(new ExecutionException(new TimeoutException()))).isNull();

        FailureClassification classification = new FailureClassification(BuiltInClassifiers.all(Clock.systemUTC()));
        assertThat(classification.classify(new UncheckedIOException(new ConnectException())).kind())
                .isEqualTo(FailureKind.CONNECTION);
        assertThat(classification.classify(new ExecutionException(new HttpTimeoutException("t"))).kind())
                .isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void nonIoExceptionsAreNotRecognised() {
        assertThat(classifier.classify(new IllegalArgumentException())).isNull();
    }
}
