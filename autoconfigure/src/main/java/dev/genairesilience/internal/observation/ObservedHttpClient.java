package dev.genairesilience.internal.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The providers' {@link HttpClient}, observed: one {@value #NAME} observation per HTTP exchange, with the key values
 * of Spring's own HTTP client observations, so that its timer shares the tag keys of a {@code RestClient}'s:
 * low-cardinality {@code method}, {@code uri} (the request's path, which the engine builds from configuration only:
 * base URL, API path and model), {@code status} ({@code CLIENT_ERROR} without an answer), {@code outcome},
 * {@code exception} and {@code client.name} (the host); high-cardinality {@code http.url} without its query. No
 * header is read into a key value, so no key shows. Tracing adds its propagation headers to the request, as it does
 * for Spring's clients. An exchange cut short by its caller (cancelled at its timeout) ends as
 * {@code CancellationException}; cancelling the answer cancels the exchange itself, as with the JDK's client.
 * Everything but sending is the wrapped client's.
 */
public final class ObservedHttpClient extends HttpClient {

    /** The observation of one HTTP exchange, and the name of its timer. */
    public static final String NAME = "http.client.requests";

    private static final String NONE = "none";

    private final HttpClient delegate;
    private final ObservationRegistry registry;

    /**
     * @param delegate the client that sends
     * @param registry where the observations go
     */
    public ObservedHttpClient(HttpClient delegate, ObservationRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Exchange exchange = start(request);
        try {
            HttpResponse<T> response = delegate.send(exchange.request, handler);
            exchange.stop(response, null);
            return response;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            exchange.stop(null, e);
            throw e;
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromises) {
        Exchange exchange = start(request);
        CompletableFuture<HttpResponse<T>> sent;
        try {
            sent = delegate.sendAsync(exchange.request, handler, pushPromises);
        } catch (RuntimeException | Error e) {
            exchange.stop(null, e);
            throw e;
        }
        CancellingFuture<HttpResponse<T>> answer = new CancellingFuture<>(sent);
        sent.whenComplete((response, error) -> {
            exchange.stop(response, error);
            if (error != null) {
                answer.completeExceptionally(error);
            } else {
                answer.complete(response);
            }
        });
        return answer;
    }

    private Exchange start(HttpRequest request) {
        RequestReplySenderContext<HttpRequest.Builder, HttpResponse<?>> context = new RequestReplySenderContext<>(
                (carrier, key, value) -> {
                    if (carrier != null) {
                        carrier.setHeader(key, value);
                    }
                });
        HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
        context.setCarrier(copy);
        URI uri = request.uri();
        String host = uri.getHost() == null ? NONE : uri.getHost();
        context.setRemoteServiceName(host);
        Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName("http " + request.method().toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValues(KeyValues.of("method", request.method(),
                        "uri", uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
                        "client.name", host))
                .highCardinalityKeyValue("http.url", withoutQuery(uri))
                .start();
        return new Exchange(observation, context, copy.build());
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** One exchange under observation. */
    private static final class Exchange {

        private final Observation observation;
        private final RequestReplySenderContext<HttpRequest.Builder, HttpResponse<?>> context;
        private final HttpRequest request;

        Exchange(Observation observation, RequestReplySenderContext<HttpRequest.Builder, HttpResponse<?>> context,
                HttpRequest request) {
            this.observation = observation;
            this.context = context;
            this.request = request;
        }

        void stop(HttpResponse<?> response, Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            context.setResponse(response);
            observation.lowCardinalityKeyValues(KeyValues.of(
                    "status", response == null ? "CLIENT_ERROR" : Integer.toString(response.statusCode()),
                    "outcome", response == null ? "UNKNOWN" : outcome(response.statusCode()),
                    "exception", cause == null ? NONE : cause.getClass().getSimpleName()));
            if (cause != null) {
                observation.error(ObservedFailure.of(cause));
            }
            observation.stop();
        }

        private static String outcome(int status) {
            return switch (status / 100) {
                case 1 -> "INFORMATIONAL";
                case 2 -> "SUCCESS";
                case 3 -> "REDIRECTION";
                case 4 -> "CLIENT_ERROR";
                case 5 -> "SERVER_ERROR";
                default -> "UNKNOWN";
            };
        }
    }

    /** The answer handed out: cancelling it cancels the exchange it waits for. */
    private static final class CancellingFuture<T> extends CompletableFuture<T> {

        private final CompletableFuture<?> sent;

        CancellingFuture(CompletableFuture<?> sent) {
            this.sent = sent;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            sent.cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
        }
    }

    /**
     * Closes the wrapped client where the JDK can (Java 21 and later), as the application context does with a client
     * bean when it stops.
     */
    public void close() {
        if (delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("genai: the HTTP client did not close", e);
            }
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }
}
