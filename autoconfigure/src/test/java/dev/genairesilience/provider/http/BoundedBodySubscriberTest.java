package dev.genairesilience.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.spi.MalformedResponseException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The body subscriber and handler, fed the signals the JDK client sends, without a network. */
class BoundedBodySubscriberTest {

    private static final BoundedBodyHandler HANDLER = new BoundedBodyHandler("big", 1024 * 1024);

    @Test
    void aBodyWithinTheLimitIsReadWholeOneChunkAtATime() {
        BoundedBodySubscriber subscriber = BoundedBodySubscriber.failingOver(10, IllegalStateException::new);
        Subscription subscription = subscribe(subscriber);

        subscriber.onNext(List.of(buffer(4, 1)));
        assertThat(subscription.requested).isEqualTo(2);
        subscriber.onNext(List.of(buffer(3, 2), buffer(3, 3)));
        subscriber.onComplete();

        assertThat(subscription.requested).isEqualTo(3);
        assertThat(body(subscriber).join()).containsExactly(1, 1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(subscription.cancelled).isFalse();
    }

    @Test
    void aBodyThatGrowsOverTheLimitIsCancelledAndFailsWithoutReadingOn() {
        IllegalStateException over = new IllegalStateException("over");
        BoundedBodySubscriber subscriber = BoundedBodySubscriber.failingOver(10, () -> over);
        Subscription subscription = subscribe(subscriber);

        subscriber.onNext(List.of(buffer(6, 1)));
        subscriber.onNext(List.of(buffer(5, 2)));
        subscriber.onNext(List.of(buffer(5, 3)));
        subscriber.onComplete();

        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).isEqualTo(2);
        assertThat(failure(subscriber)).isSameAs(over);
    }

    @Test
    void aTruncatingBodyKeepsWhatFitsAndLeavesTheRestUnread() {
        BoundedBodySubscriber subscriber = BoundedBodySubscriber.truncatingAt(5);
        Subscription subscription = subscribe(subscriber);

        subscriber.onNext(List.of(buffer(3, 1), buffer(3, 2)));
        subscriber.onNext(List.of(buffer(3, 3)));

        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).isEqualTo(1);
        assertThat(body(subscriber).join()).containsExactly(1, 1, 1, 2, 2);
    }

    @Test
    void aRefusedBodyCancelsItsSubscriptionBeforeAskingForAnything() {
        BoundedBodySubscriber subscriber = BoundedBodySubscriber.refusing(new IllegalStateException("refused"));
        Subscription subscription = subscribe(subscriber);

        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).isZero();
        assertThat(body(subscriber)).isCompletedExceptionally();
    }

    @Test
    void aFailedConnectionFailsTheBody() {
        BoundedBodySubscriber subscriber = BoundedBodySubscriber.failingOver(10, IllegalStateException::new);
        subscribe(subscriber);

        subscriber.onNext(List.of(buffer(4, 1)));
        subscriber.onError(new IOException("reset"));

        assertThat(body(subscriber)).isCompletedExceptionally();
    }

    @Test
    void aSuccessWhoseContentLengthIsOverTheCapIsRefusedWithAMessageNamingTheProperty() {
        BoundedBodySubscriber subscriber = (BoundedBodySubscriber) HANDLER.apply(info(200, "314572800"));
        Subscription subscription = subscribe(subscriber);

        assertThat(subscription.requested).isZero();
        assertThat(failure(subscriber)).isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e).hasMessage("Provider 'big' answered over genai.http.max-response-size (1MB): "
                    + "Content-Length 314572800");
        });
    }

    @Test
    void aSuccessWithoutContentLengthIsCutAtTheCapWithAMessageNamingTheProperty() {
        BoundedBodySubscriber subscriber = (BoundedBodySubscriber) HANDLER.apply(info(200, null));
        Subscription subscription = subscribe(subscriber);

        for (int i = 0; i < 64; i++) {
            subscriber.onNext(List.of(buffer(16 * 1024, 0)));
        }
        assertThat(body(subscriber)).isNotDone();
        subscriber.onNext(List.of(buffer(1, 0)));

        assertThat(subscription.cancelled).isTrue();
        assertThat(failure(subscriber)).isInstanceOf(MalformedResponseException.class)
                .hasMessage("Provider 'big' answered over genai.http.max-response-size (1MB): cut after 1MB");
    }

    @Test
    void aContentLengthThatIsNoNumberLeavesTheBodyBoundedWhileRead() {
        BoundedBodySubscriber subscriber = (BoundedBodySubscriber) HANDLER.apply(info(200, "lots"));
        subscribe(subscriber);

        subscriber.onNext(List.of(buffer(1024 * 1024 + 1, 0)));

        assertThat(failure(subscriber)).hasMessageEndingWith("cut after 1MB");
    }

    @Test
    void anErrorBodyIsReadForItsFirst64KBOnlyWhateverItsLength() {
        BoundedBodySubscriber subscriber = (BoundedBodySubscriber) HANDLER.apply(info(503, "10485760"));
        Subscription subscription = subscribe(subscriber);

        for (int i = 0; i < 5; i++) {
            subscriber.onNext(List.of(buffer(16 * 1024, 7)));
        }

        assertThat(subscription.cancelled).isTrue();
        assertThat(body(subscriber).join()).hasSize(BoundedBodyHandler.ERROR_BODY_LIMIT);
    }

    private static Subscription subscribe(BoundedBodySubscriber subscriber) {
        Subscription subscription = new Subscription();
        subscriber.onSubscribe(subscription);
        return subscription;
    }

    private static CompletableFuture<byte[]> body(BoundedBodySubscriber subscriber) {
        return subscriber.getBody().toCompletableFuture();
    }

    private static Throwable failure(BoundedBodySubscriber subscriber) {
        return body(subscriber).handle((b, e) -> e).join();
    }

    private static ByteBuffer buffer(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return ByteBuffer.wrap(bytes);
    }

    private static HttpResponse.ResponseInfo info(int status, String contentLength) {
        HttpHeaders headers = HttpHeaders.of(contentLength == null ? Map.of()
                : Map.of("content-length", List.of(contentLength)), (name, value) -> true);
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    /** Records what the subscriber asks of it, as the JDK client's subscription would receive it. */
    private static final class Subscription implements Flow.Subscription {

        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
